using System.Globalization;
using System.Data.Common;
using BriefingBot.Actors;

namespace BriefingBot.Storage;

/// <summary>The read side of <see cref="IActorStore"/>: the same SQL and mapping on either provider.</summary>
internal sealed class ActorReader(Func<CancellationToken, Task<DbConnection>> open, Func<object, DateTimeOffset> readTime)
{
    public Task<IReadOnlyList<ActorDay>> GetDaysAsync(string actorId, DateOnly from, DateOnly to, string? tenant, CancellationToken cancellationToken) =>
        ReadAsync(ActorRows.SelectDays, [("@actor", actorId), ("@tenant", ActorRows.Key(tenant)), ("@from", ActorRows.DayNumber(from)), ("@to", ActorRows.DayNumber(to))],
            ActorRows.ReadDay, cancellationToken);

    public Task<IReadOnlyList<CoMention>> GetCoMentionsAsync(string actorId, int limit, string? tenant, CancellationToken cancellationToken) =>
        ReadAsync(ActorRows.SelectCoMentions, [("@actor", actorId), ("@tenant", ActorRows.Key(tenant)), ("@limit", limit)], ActorRows.ReadCoMention, cancellationToken);

    public Task<IReadOnlyList<ActorArticle>> GetLatestArticlesAsync(string actorId, int limit, string? tenant, CancellationToken cancellationToken) =>
        ReadAsync(ActorRows.SelectLatestArticles, [("@actor", actorId), ("@tenant", ActorRows.Key(tenant)), ("@limit", limit)], ActorRows.ReadArticle, cancellationToken);

    public Task<IReadOnlyList<ActorPeriod>> GetTopAsync(DateOnly from, DateOnly to, int limit, string? tenant, CancellationToken cancellationToken)
    {
        var length = to.DayNumber - from.DayNumber + 1;
        return ReadAsync(
            ActorRows.SelectTop,
            [("@from", ActorRows.DayNumber(from)), ("@to", ActorRows.DayNumber(to)), ("@previous_from", ActorRows.DayNumber(from) - length), ("@limit", limit), ("@tenant", ActorRows.Key(tenant))],
            ActorRows.ReadPeriod,
            cancellationToken);
    }

    public Task<IReadOnlyList<TaughtAlias>> ListAliasesAsync(CancellationToken cancellationToken) =>
        ReadAsync(ActorRows.SelectAliases, [], r => new TaughtAlias(r.GetString(0), r.GetString(1), r.GetString(2), readTime(r.GetValue(3))), cancellationToken);

    public async Task<long> GetCardVersionAsync(string actorId, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ActorRows.SelectCardVersion;
        AnalysisRows.Bind(command, [("@actor", actorId)]);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<T>> ReadAsync<T>(
        string sql, IEnumerable<(string Name, object? Value)> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return await ActorRows.ReadAsync(connection, sql, parameters, map, cancellationToken);
    }
}
