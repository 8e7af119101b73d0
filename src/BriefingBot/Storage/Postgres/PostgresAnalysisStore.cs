using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

public sealed class PostgresAnalysisStore(PostgresDatabase database, TimeProvider timeProvider) : IAnalysisStore
{
    private readonly AnalysisReader reader = new(async ct => await database.OpenAsync(ct));

    public async Task SaveAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        await ExecuteAsync(command, AnalysisRows.DeleteMentions, [("@article", articleId)], cancellationToken);
        await ExecuteAsync(command, AnalysisRows.DeleteDevelopments, [("@article", articleId)], cancellationToken);
        for (var i = 0; i < analysis.Mentions.Count; i++)
        {
            await ExecuteAsync(command, AnalysisRows.InsertMention, AnalysisRows.Mention(articleId, i, analysis.Mentions[i]), cancellationToken);
        }

        for (var i = 0; i < analysis.Developments.Count; i++)
        {
            await ExecuteAsync(
                command, AnalysisRows.InsertDevelopment, AnalysisRows.Development(articleId, i, analysis.Developments[i]), cancellationToken);
        }

        foreach (var (sql, values) in AnalysisRows.HedgesAndCandidates(articleId, analysis))
        {
            await ExecuteAsync(command, sql, values, cancellationToken);
        }

        await ExecuteAsync(
            command, AnalysisRows.MarkAnalyzed, [("@article", articleId), ("@analyzed_at", timeProvider.GetUtcNow())], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

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

    public async Task<int> MarkAllUnanalyzedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(AnalysisRows.ForgetAnalyzed, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<long>> ListUnanalyzedAsync(int limit, CancellationToken cancellationToken) =>
        reader.ListUnanalyzedAsync(limit, cancellationToken);

    private static async Task ExecuteAsync(
        NpgsqlCommand command, string sql, IEnumerable<(string Name, object? Value)> values, CancellationToken cancellationToken)
    {
        command.CommandText = sql;
        AnalysisRows.Bind(command, values);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
