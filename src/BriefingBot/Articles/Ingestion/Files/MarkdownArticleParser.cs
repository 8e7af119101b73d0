using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BriefingBot.Articles.Ingestion.Files;

/// <summary>
/// Markdown: optional <c>---</c> YAML front matter (title, source, author, published, url), else the first
/// <c># heading</c> is the title; the rest is reduced to plain text, one paragraph per block (a list is one paragraph).
/// </summary>
public static class MarkdownArticleParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static ExtractedArticle Parse(string content)
    {
        var document = Markdown.Parse(content, Pipeline);
        var headers = new ArticleHeaders();
        var frontMatter = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (frontMatter is not null)
        {
            ReadFrontMatter(frontMatter, headers);
        }

        var title = headers.Title;
        var paragraphs = new List<string>();
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock)
            {
                continue;
            }

            if (title is null && block is HeadingBlock { Level: 1 } heading)
            {
                title = InlineText(heading.Inline);
                continue;
            }

            var text = BlockText(block).Trim();
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
        }

        if (title is null && paragraphs.Count > 0)
        {
            title = paragraphs[0];
            paragraphs.RemoveAt(0);
        }

        return new ExtractedArticle(title?.Trim() ?? "", string.Join("\n\n", paragraphs))
        {
            Source = headers.Source,
            Author = headers.Author,
            PublishedAt = headers.Published,
            Url = headers.Url,
        };
    }

    private static void ReadFrontMatter(YamlFrontMatterBlock block, ArticleHeaders headers)
    {
        var yaml = string.Join('\n', block.Lines.Lines.Take(block.Lines.Count).Select(l => l.ToString()))
            .Replace("---", "", StringComparison.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
                    {
                        headers.TryAdd(name + ": " + text);
                    }
                }
            }
        }
        catch (YamlException)
        {
            // Front matter that is not YAML is ignored, as a reader would: the article's text still counts.
        }
    }

    private static string BlockText(Block block) => block switch
    {
        LeafBlock { Inline: { } inline } => InlineText(inline),
        CodeBlock code => string.Join(' ', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString().Trim()).Where(l => l.Length > 0)),
        LinkReferenceDefinitionGroup or ThematicBreakBlock or HtmlBlock => "",
        ContainerBlock container => string.Join(' ', container.Select(BlockText).Select(t => t.Trim()).Where(t => t.Length > 0)),
        _ => "",
    };

    private static string InlineText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var text = new StringBuilder();
        Append(inline, text);
        return System.Text.RegularExpressions.Regex.Replace(text.ToString(), @"\s+", " ").Trim();
    }

    private static bool IsIntraword(EmphasisInline emphasis) =>
        emphasis.PreviousSibling is LiteralInline before && before.Content.Length > 0 && char.IsLetterOrDigit(before.Content[before.Content.End])
        && emphasis.NextSibling is LiteralInline after && after.Content.Length > 0 && char.IsLetterOrDigit(after.Content[after.Content.Start]);

    private static void Append(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(literal.Content.ToString());
                break;
            case CodeInline code:
                text.Append(code.Content);
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.ToString());
                break;
            case LineBreakInline:
                text.Append(' ');
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            case HtmlInline:
                break;
            case EmphasisInline emphasis when IsIntraword(emphasis):
                // CommonMark lets '*' emphasise inside a word ("2*3*4"); in news text that is arithmetic, not style.
                var marks = new string(emphasis.DelimiterChar, emphasis.DelimiterCount);
                text.Append(marks);
                foreach (var child in emphasis)
                {
                    Append(child, text);
                }

                text.Append(marks);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, text);
                }

                break;
        }
    }
}
