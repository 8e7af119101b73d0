using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

public sealed class SqliteAnalysisStore(SqliteDatabase database, TimeProvider timeProvider) : IAnalysisStore, IDevelopmentStore
{
    private readonly AnalysisReader reader = new(async ct => await database.OpenAsync(ct));
    private readonly DevelopmentGroups groups = new(async ct => await database.OpenAsync(ct), DevelopmentDialect.Sqlite);

    public Task SaveAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken) =>
        database.WriteTransactionAsync(async (connection, transaction) =>
        {
            var groupIds = await groups.AssignAsync(connection, transaction, articleId, analysis.Developments, cancellationToken);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            Execute(command, AnalysisRows.DeleteMentions, [("@article", articleId)]);
            Execute(command, AnalysisRows.DeleteDevelopments, [("@article", articleId)]);
            for (var i = 0; i < analysis.Mentions.Count; i++)
            {
                Execute(command, AnalysisRows.InsertMention, AnalysisRows.Mention(articleId, i, analysis.Mentions[i]));
            }

            for (var i = 0; i < analysis.Developments.Count; i++)
            {
                Execute(command, AnalysisRows.InsertDevelopment, AnalysisRows.Development(articleId, i, analysis.Developments[i], groupIds[i]));
            }

            foreach (var (sql, values) in AnalysisRows.HedgesAndCandidates(articleId, analysis))
            {
                Execute(command, sql, values);
            }

            var now = SqliteTime.ToMicroseconds(timeProvider.GetUtcNow());
            return Execute(command, AnalysisRows.MarkAnalyzed, [("@article", articleId), ("@analyzed_at", now)]);
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
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            return Execute(command, AnalysisRows.ForgetAnalyzed, []);
        }, cancellationToken);

    public Task<IReadOnlyList<long>> ListUnanalyzedAsync(int limit, CancellationToken cancellationToken) =>
        reader.ListUnanalyzedAsync(limit, cancellationToken);

    public Task<StoredDevelopment?> GetAsync(long id, CancellationToken cancellationToken) => groups.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<StoredDevelopment>> ListOpenAsync(DateOnly today, string? search, int limit, CancellationToken cancellationToken) =>
        groups.ListOpenAsync(today, search, limit, cancellationToken);

    public Task<IReadOnlyList<StoredDevelopment>> ListForArticlesAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken) =>
        groups.ListForArticlesAsync(articleIds, cancellationToken);

    public Task<IReadOnlyList<StoredDevelopment>> ListForActorAsync(string actorId, int limit, CancellationToken cancellationToken) =>
        groups.ListForActorAsync(actorId, limit, cancellationToken);

    private static int Execute(SqliteCommand command, string sql, IEnumerable<(string Name, object? Value)> values)
    {
        command.CommandText = sql;
        AnalysisRows.Bind(command, values);
        return command.ExecuteNonQuery();
    }
}
