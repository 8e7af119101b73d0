using System.Text;

namespace BriefingBot.Articles.Ingestion.Files;

/// <summary>Reads an article file (.txt, .md, .markdown, .html, .htm), refusing binary content with a reason.</summary>
public static class FileArticleReader
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".markdown", ".html", ".htm" };

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path));

    public static async Task<ExtractedArticle> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            throw new IngestException(
                $"unsupported file type '{(extension.Length == 0 ? "(none)" : extension)}' (supported: {string.Join(", ", Extensions)})");
        }

        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > MaxFileBytes)
            {
                throw new IngestException($"larger than {MaxFileBytes / (1024 * 1024)} MB");
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IngestException("cannot read the file: " + ex.Message, ex);
        }

        var content = TextDecoding.DecodeText(bytes) ?? throw new IngestException("not a text file (binary content)");
        return extension switch
        {
            ".txt" => TextArticleParser.Parse(content),
            ".md" or ".markdown" => MarkdownArticleParser.Parse(content),
            _ => HtmlArticleParser.Parse(content, new Uri(Path.GetFullPath(path))),
        };
    }
}
