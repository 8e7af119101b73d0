using BriefingBot.Actors;
using BriefingBot.Analysis.Actors;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

public sealed class PostgresActorStore(PostgresDatabase database) : IActorStore
{
    private readonly ActorReader reader = new(async ct => await database.OpenAsync(ct), value => new DateTimeOffset((DateTime)value, TimeSpan.Zero));

    public Task<IReadOnlyList<ActorDay>> GetDaysAsync(string actorId, DateOnly from, DateOnly to, string? tenant, CancellationToken cancellationToken) =>
        reader.GetDaysAsync(actorId, from, to, tenant, cancellationToken);

    public Task<IReadOnlyList<CoMention>> GetCoMentionsAsync(string actorId, int limit, string? tenant, CancellationToken cancellationToken) =>
        reader.GetCoMentionsAsync(actorId, limit, tenant, cancellationToken);

    public Task<IReadOnlyList<ActorArticle>> GetLatestArticlesAsync(string actorId, int limit, string? tenant, CancellationToken cancellationToken) =>
        reader.GetLatestArticlesAsync(actorId, limit, tenant, cancellationToken);

    public Task<IReadOnlyList<ActorPeriod>> GetTopAsync(DateOnly from, DateOnly to, int limit, string? tenant, CancellationToken cancellationToken) =>
        reader.GetTopAsync(from, to, limit, tenant, cancellationToken);

    public Task<IReadOnlyList<TaughtAlias>> ListAliasesAsync(CancellationToken cancellationToken) => reader.ListAliasesAsync(cancellationToken);

    public Task<long> GetCardVersionAsync(string actorId, CancellationToken cancellationToken) => reader.GetCardVersionAsync(actorId, cancellationToken);

    public async Task<AliasChange> AddAliasAsync(TaughtAlias alias, Actor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        if (await ExecuteAsync(command, ActorRows.InsertAlias, AliasValues.Insert(alias, alias.AddedAt.ToUniversalTime()), cancellationToken) == 0)
        {
            return new AliasChange(false, await ScalarAsync(command, alias.Alias, cancellationToken), 0);
        }

        await ExecuteAsync(command, ActorRows.RememberTaughtMentions, [("@alias", alias.Alias)], cancellationToken);
        var resolved = await ExecuteAsync(command, ActorRows.ResolveMentions, AliasValues.Resolve(alias.Alias, actor), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AliasChange(true, actor.Id, resolved);
    }

    public async Task<AliasChange> RemoveAliasAsync(string alias, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var actorId = await ScalarAsync(command, alias, cancellationToken);
        if (actorId is null)
        {
            return new AliasChange(false, null, 0);
        }

        await ExecuteAsync(command, ActorRows.DeleteAlias, [("@alias", alias)], cancellationToken);
        var reverted = await ExecuteAsync(command, ActorRows.RestoreTaughtMentions, [("@alias", alias)], cancellationToken);
        await ExecuteAsync(command, ActorRows.ForgetTaughtMentions, [("@alias", alias)], cancellationToken);
        reverted += await ExecuteAsync(command, ActorRows.UnresolveMentions, AliasValues.Unresolve(alias, actorId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AliasChange(true, actorId, reverted);
    }

    private static async Task<int> ExecuteAsync(
        NpgsqlCommand command, string sql, IEnumerable<(string Name, object? Value)> values, CancellationToken cancellationToken)
    {
        command.CommandText = sql;
        AnalysisRows.Bind(command, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ScalarAsync(NpgsqlCommand command, string alias, CancellationToken cancellationToken)
    {
        command.CommandText = ActorRows.SelectAliasActor;
        AnalysisRows.Bind(command, [("@alias", alias)]);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
