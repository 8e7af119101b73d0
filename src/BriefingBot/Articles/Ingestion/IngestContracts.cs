namespace BriefingBot.Articles.Ingestion;

/// <summary>
/// Who asked for the ingestion. The operator (shell, command line) may read files and reach any host;
/// chat users may only give public http(s) URLs (no file paths, no private or loopback hosts).
/// </summary>
public enum IngestTrust
{
    Operator,
    ChatUser,
}

public enum IngestStatus
{
    Added,
    AddedToStory,
    Duplicate,
    Failed,
}

/// <summary>One article's fate. <see cref="Source"/> names the file or URL; <see cref="Error"/> says why it failed.</summary>
public sealed record IngestItemResult(string Source, IngestStatus Status, long? ArticleId, string? Title, string? Error)
{
    /// <summary>The story the article was stored in (or, for a duplicate, the story of the stored copy).</summary>
    public long? StoryId { get; init; }

    public static IngestItemResult Failed(string source, string error) => new(source, IngestStatus.Failed, null, null, error);
}

public sealed record IngestReport(IReadOnlyList<IngestItemResult> Items)
{
    public int Ingested => Items.Count(i => i.Status is IngestStatus.Added or IngestStatus.AddedToStory);

    public int Duplicates => Items.Count(i => i.Status == IngestStatus.Duplicate);

    public int Failed => Items.Count(i => i.Status == IngestStatus.Failed);

    /// <summary>The closing line of bulk ingestion.</summary>
    public string CountsLine => $"ingested {Ingested}, duplicates {Duplicates}, failed {Failed}";
}

/// <summary>Progress for the command line's progress bar: done of total known so far, and the current source.</summary>
public sealed record IngestProgress(int Done, int Total, string Current);

/// <summary>
/// Ingests sources: a file or folder path (operator only), an article URL, or an RSS/Atom feed URL
/// (recognised by its content). Each article is extracted, fingerprinted, deduplicated and stored.
/// Bad sources fail alone, with a reason; the rest of the batch still goes in.
/// </summary>
public interface IArticleIngestor
{
    Task<IngestReport> IngestAsync(
        IReadOnlyList<string> sources, IngestTrust trust, IProgress<IngestProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// As above; what is stored belongs to <paramref name="tenant"/> (a chat workspace, <c>discord:123</c>), or is shared
    /// by every workspace when null (the operator's files and feeds).
    /// </summary>
    Task<IngestReport> IngestAsync(
        IReadOnlyList<string> sources, IngestTrust trust, string? tenant, IProgress<IngestProgress>? progress, CancellationToken cancellationToken);
}
