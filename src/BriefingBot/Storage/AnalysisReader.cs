using System.Data.Common;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Storage;

/// <summary>The read side of <see cref="Analysis.IAnalysisStore"/>: the same SQL and mapping on either provider.</summary>
internal sealed class AnalysisReader(Func<CancellationToken, Task<DbConnection>> open)
{
    public Task<IReadOnlyList<ActorMention>> GetMentionsAsync(long articleId, CancellationToken cancellationToken) =>
        ReadAsync(AnalysisRows.SelectMentions, ("@article", articleId), AnalysisRows.ReadMention, cancellationToken);

    public Task<IReadOnlyList<ReportedDevelopment>> GetDevelopmentsAsync(long articleId, CancellationToken cancellationToken) =>
        ReadAsync(AnalysisRows.SelectDevelopments, ("@article", articleId), AnalysisRows.ReadDevelopment, cancellationToken);

    public Task<IReadOnlyList<Hedge>> GetHedgesAsync(long articleId, CancellationToken cancellationToken) =>
        ReadAsync(AnalysisRows.SelectHedges, ("@article", articleId), AnalysisRows.ReadHedge, cancellationToken);

    public Task<IReadOnlyList<long>> ListUnanalyzedAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync(AnalysisRows.SelectUnanalyzed, ("@limit", limit), r => r.GetInt64(0), cancellationToken);

    public async Task<DevelopmentAnalysis?> GetAnalysisAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        (string, object) article = ("@article", articleId);
        if ((await AnalysisRows.ReadAsync(connection, AnalysisRows.SelectIsAnalyzed, article, r => r.GetInt64(0), cancellationToken)).Count == 0)
        {
            return null;
        }

        return new DevelopmentAnalysis(
            await AnalysisRows.ReadAsync(connection, AnalysisRows.SelectHedges, article, AnalysisRows.ReadHedge, cancellationToken),
            await AnalysisRows.ReadAsync(connection, AnalysisRows.SelectMentions, article, AnalysisRows.ReadMention, cancellationToken),
            await AnalysisRows.ReadAsync(connection, AnalysisRows.SelectDevelopments, article, AnalysisRows.ReadDevelopment, cancellationToken));
    }

    public async Task<IReadOnlyList<StoredActorCandidate>> FindCandidatesAsync(string name, int limit, CancellationToken cancellationToken)
    {
        var (pattern, key) = AnalysisRows.CandidateSearch(name);
        await using var connection = await open(cancellationToken);
        return await AnalysisRows.ReadAsync(
            connection, AnalysisRows.SelectCandidates, [("@pattern", pattern), ("@key", key), ("@limit", limit)],
            AnalysisRows.ReadCandidate, cancellationToken);
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(
        string sql, (string Name, object Value) parameter, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return await AnalysisRows.ReadAsync(connection, sql, parameter, map, cancellationToken);
    }
}
