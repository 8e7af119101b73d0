namespace BriefingBot.Articles.Ingestion;

/// <summary>What an extractor found in a file, page or feed item, before fingerprinting.</summary>
public sealed record ExtractedArticle(string Title, string Text)
{
    public string? Source { get; init; }

    public string? Author { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public string? Language { get; init; }

    /// <summary>Where the article lives on the web, when the file says so (a <c>URL:</c> header or front matter).</summary>
    public Uri? Url { get; init; }
}
