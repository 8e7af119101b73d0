using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Analysis;

/// <summary>
/// The stored analysis of articles (actor mentions, reported developments) and which articles have one.
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

    /// <summary>Ids of articles that have no stored analysis, newest stored first (fresh articles do not wait behind a backlog).</summary>
    Task<IReadOnlyList<long>> ListUnanalyzedAsync(int limit, CancellationToken cancellationToken);
}
