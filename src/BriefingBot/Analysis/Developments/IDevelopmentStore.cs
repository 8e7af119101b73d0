namespace BriefingBot.Analysis.Developments;

/// <summary>
/// A reported development as stored: one claim with a stable <see cref="Id"/>, merged over every article that reports
/// it (<see cref="DevelopmentMerger"/> rules). <see cref="Development"/> is the first report, which stands for the group.
/// </summary>
public sealed record StoredDevelopment(
    long Id,
    ReportedDevelopment Development,
    IReadOnlyList<long> ArticleIds,
    DateTimeOffset FirstReportedAt,
    DateTimeOffset LastReportedAt)
{
    /// <summary>How many stored articles report it.</summary>
    public int Corroboration => ArticleIds.Count;
}

/// <summary>
/// Developments merged across articles, with stable ids for polls, digests and actor cards. Written by
/// <see cref="IAnalysisStore.SaveAsync"/> (each saved development joins a matching group or starts one); read here.
/// SQLite and PostgreSQL implement it and pass one contract test suite.
/// </summary>
public interface IDevelopmentStore
{
    Task<StoredDevelopment?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>
    /// Developments whose resolve-by date is on or after <paramref name="today"/>, most recently reported first;
    /// <paramref name="search"/> (optional) keeps those whose claim or question contains it (case-insensitive).
    /// </summary>
    Task<IReadOnlyList<StoredDevelopment>> ListOpenAsync(DateOnly today, string? search, int limit, CancellationToken cancellationToken);

    /// <summary>Every development reported by at least one of <paramref name="articleIds"/>, most corroborated first.</summary>
    Task<IReadOnlyList<StoredDevelopment>> ListForArticlesAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken);

    /// <summary>The latest developments that name the actor (catalogue id), most recently reported first.</summary>
    Task<IReadOnlyList<StoredDevelopment>> ListForActorAsync(string actorId, int limit, CancellationToken cancellationToken);
}
