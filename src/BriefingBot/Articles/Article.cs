namespace BriefingBot.Articles;

/// <summary>A stored article. Several articles may share a <see cref="StoryId"/>: the same event from several sources.</summary>
public sealed record Article(
    long Id,
    long StoryId,
    string Url,
    string CanonicalUrl,
    string Title,
    string Source,
    string? Author,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FetchedAt,
    string Language,
    string Text,
    string ContentHash);

/// <summary>An article ready to store: text extracted, fingerprints computed (see <see cref="ArticleFingerprint"/>).</summary>
public sealed record NewArticle(
    string Url,
    string CanonicalUrl,
    string Title,
    string Source,
    string? Author,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FetchedAt,
    string Language,
    string Text,
    string ContentHash,
    uint[] MinHash)
{
    /// <summary>The chat workspace that added it (<c>discord:123</c>); null: shared by every workspace (operator files and feeds).</summary>
    public string? Tenant { get; init; }

    /// <summary>What the article is about, for story grouping; computed ahead by the builder, or by the store when null.</summary>
    public Stories.StoryTerms? StoryTerms { get; init; }
}

public enum AddOutcome
{
    /// <summary>Stored as the first source of a new story.</summary>
    Added,

    /// <summary>Stored as another source of an existing story (near-duplicate text, or another report of the same event).</summary>
    AddedToStory,

    /// <summary>Not stored: the same canonical URL or the same normalised text is already there.</summary>
    Duplicate,
}

public sealed record AddResult(AddOutcome Outcome, long ArticleId, long StoryId);

/// <summary>A search result; hits that share a <see cref="StoryId"/> are one story from several sources.</summary>
public sealed record ArticleSearchHit(long Id, string Title, string Source, string Url, DateTimeOffset? PublishedAt, string Snippet, double Score, long StoryId);

/// <summary>A list row without the text.</summary>
public sealed record ArticleSummary(long Id, long StoryId, string Title, string Source, string Url, DateTimeOffset? PublishedAt, DateTimeOffset FetchedAt);
