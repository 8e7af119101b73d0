namespace BriefingBot.Digests;

/// <summary>
/// An article of a story that has news for a digest, without its text. <see cref="IsNew"/>: stored after the digest's
/// "since" time (the other articles of the story are older sources of the same story).
/// </summary>
public sealed record DigestArticle(
    long Id,
    long StoryId,
    string Title,
    string Source,
    string Url,
    DateTimeOffset? PublishedAt,
    DateTimeOffset StoredAt,
    bool IsNew);

/// <summary>How many times one article mentions one catalogued actor.</summary>
public sealed record ArticleActorCount(long ArticleId, string ActorId, string ActorName, int Mentions);

/// <summary>The reads a digest needs, in bulk (thousands of new articles per run). SQLite and PostgreSQL pass one contract.</summary>
public interface IDigestSource
{
    /// <summary>
    /// Every article of each story that has an article stored after <paramref name="since"/>, ordered by story then id.
    /// With a <paramref name="keyword"/>, only stories with a new article whose title or text contains it (case-insensitive).
    /// </summary>
    Task<IReadOnlyList<DigestArticle>> ListStoriesStoredSinceAsync(DateTimeOffset since, string? keyword, CancellationToken cancellationToken);

    /// <summary>Mentions of catalogued actors (resolved mentions only) per article, for the given articles.</summary>
    Task<IReadOnlyList<ArticleActorCount>> CountActorMentionsAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken);
}
