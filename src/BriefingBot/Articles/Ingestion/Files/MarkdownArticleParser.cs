using System.Text.RegularExpressions;

namespace BriefingBot.Articles.Ingestion.Files;

/// <summary>
/// Markdown: optional <c>---</c> front matter (title, source, author, published, url), else the first <c># heading</c>
/// is the title; the rest is reduced to plain text.
/// </summary>
public static partial class MarkdownArticleParser
{
    public static ExtractedArticle Parse(string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n').ToList();
        var headers = new ArticleHeaders();
        if (lines.Count > 0 && lines[0].Trim() == "---")
        {
            var end = lines.FindIndex(1, l => l.Trim() is "---" or "...");
            if (end > 0)
            {
                foreach (var line in lines.Skip(1).Take(end - 1))
                {
                    headers.TryAdd(line);
                }

                lines.RemoveRange(0, end + 1);
            }
        }

        var title = headers.Title;
        if (title is null)
        {
            var heading = lines.FindIndex(l => TopHeading().IsMatch(l));
            if (heading >= 0)
            {
                title = TopHeading().Match(lines[heading]).Groups[1].Value.Trim();
                lines.RemoveAt(heading);
            }
        }

        var paragraphs = TextArticleParser.Paragraphs(Strip(lines).ToArray());
        if (title is null && paragraphs.Count > 0)
        {
            title = paragraphs[0];
            paragraphs.RemoveAt(0);
        }

        return new ExtractedArticle(StripInline(title ?? ""), string.Join("\n\n", paragraphs))
        {
            Source = headers.Source,
            Author = headers.Author,
            PublishedAt = headers.Published,
            Url = headers.Url,
        };
    }

    private static IEnumerable<string> Strip(List<string> lines)
    {
        var inFence = false;
        foreach (var raw in lines)
        {
            if (Fence().IsMatch(raw))
            {
                inFence = !inFence;
                yield return "";
                continue;
            }

            if (inFence)
            {
                yield return raw;
                continue;
            }

            if (Rule().IsMatch(raw) || ReferenceDefinition().IsMatch(raw))
            {
                yield return "";
                continue;
            }

            var line = LinePrefix().Replace(raw, "");
            yield return StripInline(line);
        }
    }

    private static string StripInline(string text)
    {
        text = Image().Replace(text, "$1");
        text = Link().Replace(text, "$1");
        text = Tag().Replace(text, "");
        text = Emphasis().Replace(text, "$2");
        text = Code().Replace(text, "$1");
        return System.Net.WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"^\s{0,3}#\s+(.+?)\s*#*\s*$")]
    private static partial Regex TopHeading();

    [GeneratedRegex(@"^\s{0,3}(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s{0,3}([-*_])(\s*\1){2,}\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s+\S+")]
    private static partial Regex ReferenceDefinition();

    // Heading hashes, blockquote markers and list bullets or numbers at the start of a line.
    [GeneratedRegex(@"^\s*(?:>\s*)*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)?")]
    private static partial Regex LinePrefix();

    [GeneratedRegex(@"!\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")]
    private static partial Regex Link();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"`+([^`]+)`+")]
    private static partial Regex Code();
}
