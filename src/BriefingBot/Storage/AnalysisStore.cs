using System.Data.Common;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Storage.Sql;

namespace BriefingBot.Storage;

/// <summary>
/// Each article's analysis and the development groups, for SQLite and PostgreSQL. Saving runs once per analysed article,
/// so its rows are bound by hand through <see cref="AnalysisRows"/> rather than by Dapper.
/// </summary>
public sealed class AnalysisStore(ISqlDatabase database, TimeProvider timeProvider) : IAnalysisStore, IDevelopmentStore
{
    /// <summary>Serialises group assignment across workers, so two reports of one development cannot both start a group.</summary>
    private const long GroupLockKey = 0x42_42_44_45_56; // "BBDEV"

    private readonly AnalysisReader reader = new(database.OpenConnectionAsync);
    private readonly DevelopmentGroups groups = new(database.OpenConnectionAsync, database.Dialect);

    public Task SaveAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (analysis.Developments.Count > 0 && database.Dialect.TransactionLock is { } transactionLock)
            {
                await ExecuteAsync(command, transactionLock, [("@key", GroupLockKey)], cancellationToken);
            }

            var groupIds = await groups.AssignAsync(connection, transaction, articleId, analysis.Developments, cancellationToken);
            await ExecuteAsync(command, AnalysisRows.DeleteMentions, [("@article", articleId)], cancellationToken);
            await ExecuteAsync(command, AnalysisRows.DeleteDevelopments, [("@article", articleId)], cancellationToken);
            for (var i = 0; i < analysis.Mentions.Count; i++)
            {
                await ExecuteAsync(command, AnalysisRows.InsertMention, AnalysisRows.Mention(articleId, i, analysis.Mentions[i]), cancellationToken);
            }

            for (var i = 0; i < analysis.Developments.Count; i++)
            {
                await ExecuteAsync(
                    command, AnalysisRows.InsertDevelopment, AnalysisRows.Development(articleId, i, analysis.Developments[i], groupIds[i]), cancellationToken);
            }

            foreach (var (sql, values) in AnalysisRows.HedgesAndCandidates(articleId, analysis))
            {
                await ExecuteAsync(command, sql, values, cancellationToken);
            }

            return await ExecuteAsync(command, AnalysisRows.MarkAnalyzed,
                [("@article", articleId), ("@analyzed_at", database.Dialect.Time(timeProvider.GetUtcNow()))], cancellationToken);
        }, cancellationToken);

    public Task<IReadOnlyList<ActorMention>> GetMentionsAsync(long articleId, CancellationToken cancellationToken) =>
        reader.GetMentionsAsync(articleId, cancellationToken);

    public Task<IReadOnlyList<ReportedDevelopment>> GetDevelopmentsAsync(long articleId, CancellationToken cancellationToken) =>
        reader.GetDevelopmentsAsync(articleId, cancellationToken);

    public Task<IReadOnlyList<Hedge>> GetHedgesAsync(long articleId, CancellationToken cancellationToken) =>
        reader.GetHedgesAsync(articleId, cancellationToken);

    public Task<DevelopmentAnalysis?> GetAnalysisAsync(long articleId, CancellationToken cancellationToken) =>
        reader.GetAnalysisAsync(articleId, cancellationToken);

    public Task<IReadOnlyList<StoredActorCandidate>> FindCandidatesAsync(string name, int limit, CancellationToken cancellationToken) =>
        reader.FindCandidatesAsync(name, limit, cancellationToken);

    public Task<int> MarkAllUnanalyzedAsync(CancellationToken cancellationToken) =>
        database.ExecuteAsync(AnalysisRows.ForgetAnalyzed, null, cancellationToken);

    public Task<IReadOnlyList<long>> ListUnanalyzedAsync(int limit, CancellationToken cancellationToken) =>
        reader.ListUnanalyzedAsync(limit, cancellationToken);

    public Task<StoredDevelopment?> GetAsync(long id, CancellationToken cancellationToken) => groups.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<StoredDevelopment>> ListOpenAsync(DateOnly today, string? search, int limit, CancellationToken cancellationToken) =>
        groups.ListOpenAsync(today, search, limit, cancellationToken);

    public Task<IReadOnlyList<StoredDevelopment>> ListForArticlesAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken) =>
        groups.ListForArticlesAsync(articleIds, cancellationToken);

    public Task<IReadOnlyList<StoredDevelopment>> ListForActorAsync(string actorId, int limit, CancellationToken cancellationToken) =>
        groups.ListForActorAsync(actorId, limit, cancellationToken);

    private static async Task<int> ExecuteAsync(
        DbCommand command, string sql, IEnumerable<(string Name, object? Value)> values, CancellationToken cancellationToken)
    {
        command.CommandText = sql;
        AnalysisRows.Bind(command, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
