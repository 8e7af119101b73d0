using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace BriefingBot.Articles.Ingestion;

/// <summary>HTML fragments (feed item content) to plain text with paragraph breaks, and tidying of extracted text.</summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section", "article", "tr", "figure",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template" };

    public static string ToPlainText(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return Tidy(System.Net.WebUtility.HtmlDecode(html));
        }

        var document = new HtmlParser().ParseDocument("<html><body>" + html + "</body></html>");
        var builder = new StringBuilder();
        Append(document.Body!, builder);
        return Tidy(builder.ToString());
    }

    /// <summary>Single spaces within lines, at most one blank line between paragraphs, no blank ends.</summary>
    public static string Tidy(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        return BlankRuns().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    private static void Append(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                builder.Append(text.Data);
            }
            else if (child is IElement element && !Skipped.Contains(element.LocalName))
            {
                var block = Blocks.Contains(element.LocalName);
                if (block)
                {
                    builder.Append("\n\n");
                }

                Append(element, builder);
                if (block)
                {
                    builder.Append("\n\n");
                }
            }
        }
    }

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankRuns();
}
