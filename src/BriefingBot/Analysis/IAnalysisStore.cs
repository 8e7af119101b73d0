using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Analysis;

/// <summary>
/// The stored analysis of articles (hedges, actor mentions, reported developments, discovered candidate actors) and
/// which articles have one.
/// SQLite and PostgreSQL implement it and pass one contract test suite.
/// </summary>
public interface IAnalysisStore
{
    /// <summary>
    /// Stores <paramref name="analysis"/> as the analysis of the article, replacing any earlier one, in one transaction.
    /// Fails when the article does not exist.
    /// </summary>
    Task SaveAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken);

    /// <summary>
    /// The stored mentions, in analysis order. A resolved actor comes back with its id, name and the mention's kind
    /// (aliases and descriptions live in the catalogue, not here).
    /// </summary>
    Task<IReadOnlyList<ActorMention>> GetMentionsAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>The stored developments, in analysis order.</summary>
    Task<IReadOnlyList<ReportedDevelopment>> GetDevelopmentsAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>The stored hedged sentences, in text order.</summary>
    Task<IReadOnlyList<Hedge>> GetHedgesAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>The whole stored analysis (hedges, mentions, developments), or null when the article has none.</summary>
    Task<DevelopmentAnalysis?> GetAnalysisAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>
    /// Discovered names (mentions with no catalogue actor) that contain <paramref name="name"/>, ignoring case, with
    /// their mentions and articles summed over every stored analysis: the exact name first, then the most mentioned.
    /// </summary>
    Task<IReadOnlyList<StoredActorCandidate>> FindCandidatesAsync(string name, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Marks every article as not analysed (the stored rows stay until each is analysed again), so the next pass
    /// re-analyses them all; returns how many were marked.
    /// </summary>
    Task<int> MarkAllUnanalyzedAsync(CancellationToken cancellationToken);

    /// <summary>Ids of articles that have no stored analysis, newest stored first (fresh articles do not wait behind a backlog).</summary>
    Task<IReadOnlyList<long>> ListUnanalyzedAsync(int limit, CancellationToken cancellationToken);
}
