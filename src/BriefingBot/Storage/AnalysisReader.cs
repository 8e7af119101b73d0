using System.Data.Common;
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

    public Task<IReadOnlyList<long>> ListUnanalyzedAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync(AnalysisRows.SelectUnanalyzed, ("@limit", limit), r => r.GetInt64(0), cancellationToken);

    private async Task<IReadOnlyList<T>> ReadAsync<T>(
        string sql, (string Name, object Value) parameter, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return await AnalysisRows.ReadAsync(connection, sql, parameter, map, cancellationToken);
    }
}
