namespace BriefingBot.Articles.Ingestion.Files;

/// <summary>
/// Plain text: the first non-empty line is the title; <c>Source:</c>, <c>Author:</c>, <c>Published:</c>, <c>URL:</c>
/// lines may follow it; a first paragraph that repeats the title is dropped.
/// </summary>
public static class TextArticleParser
{
    public static ExtractedArticle Parse(string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var index = 0;
        while (index < lines.Length && string.IsNullOrWhiteSpace(lines[index]))
        {
            index++;
        }

        if (index == lines.Length)
        {
            return new ExtractedArticle("", "");
        }

        var title = lines[index++].Trim();
        var headers = new ArticleHeaders();
        while (index < lines.Length && !string.IsNullOrWhiteSpace(lines[index]) && headers.TryAdd(lines[index]))
        {
            index++;
        }

        var paragraphs = Paragraphs(lines.AsSpan(index));
        if (paragraphs.Count > 0 && ArticleFingerprint.Normalize(paragraphs[0]) == ArticleFingerprint.Normalize(title))
        {
            paragraphs.RemoveAt(0);
        }

        return new ExtractedArticle(title, string.Join("\n\n", paragraphs))
        {
            Source = headers.Source,
            Author = headers.Author,
            PublishedAt = headers.Published,
            Url = headers.Url,
        };
    }

    internal static List<string> Paragraphs(ReadOnlySpan<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(string.Join(' ', current));
                current.Clear();
            }
        }
    }
}
