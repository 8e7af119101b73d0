namespace BriefingBot.Articles.Ingestion;

/// <summary>Turns extracted text into a storable <see cref="NewArticle"/>: fingerprints, defaults, the fetch time.</summary>
public sealed class ArticleBuilder(TimeProvider time)
{
    public const int MinimumWords = 20;
    public const string DefaultLanguage = "en";

    public NewArticle Build(ExtractedArticle extracted, string url, string canonicalUrl, string fallbackTitle, string fallbackSource)
    {
        var text = HtmlText.Tidy(extracted.Text);
        var normalized = ArticleFingerprint.Normalize(text);
        if (normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinimumWords)
        {
            throw new IngestException("no article text found");
        }

        var title = string.IsNullOrWhiteSpace(extracted.Title) ? fallbackTitle : extracted.Title.Trim();
        return new NewArticle(
            url,
            canonicalUrl,
            title,
            string.IsNullOrWhiteSpace(extracted.Source) ? fallbackSource : extracted.Source.Trim(),
            string.IsNullOrWhiteSpace(extracted.Author) ? null : extracted.Author.Trim(),
            extracted.PublishedAt,
            time.GetUtcNow(),
            Language(extracted.Language),
            text,
            ArticleFingerprint.ContentHash(normalized),
            ArticleFingerprint.MinHash(normalized))
        {
            StoryTerms = Stories.StoryTerms.From(title, text),
        };
    }

    public static int CountWords(string text) => ArticleFingerprint.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The primary subtag, lower case (<c>en-GB</c> → <c>en</c>).</summary>
    private static string Language(string? tag)
    {
        var primary = tag?.Split('-', '_')[0].Trim().ToLowerInvariant();
        return primary is { Length: >= 2 and <= 3 } && primary.All(char.IsAsciiLetterLower) ? primary : DefaultLanguage;
    }
}
