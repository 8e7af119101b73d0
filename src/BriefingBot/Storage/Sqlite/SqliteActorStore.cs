using BriefingBot.Actors;
using BriefingBot.Analysis.Actors;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

public sealed class SqliteActorStore(SqliteDatabase database) : IActorStore, IDisposable
{
    private readonly ActorReader reader = new(async ct => await database.OpenAsync(ct), value => SqliteTime.FromMicroseconds((long)value));
    private readonly SqliteCardVersions versions = new(database);

    public Task<IReadOnlyList<ActorDay>> GetDaysAsync(string actorId, DateOnly from, DateOnly to, string? tenant, CancellationToken cancellationToken) =>
        reader.GetDaysAsync(actorId, from, to, tenant, cancellationToken);

    public Task<IReadOnlyList<CoMention>> GetCoMentionsAsync(string actorId, int limit, string? tenant, CancellationToken cancellationToken) =>
        reader.GetCoMentionsAsync(actorId, limit, tenant, cancellationToken);

    public Task<IReadOnlyList<ActorArticle>> GetLatestArticlesAsync(string actorId, int limit, string? tenant, CancellationToken cancellationToken) =>
        reader.GetLatestArticlesAsync(actorId, limit, tenant, cancellationToken);

    public Task<IReadOnlyList<ActorPeriod>> GetTopAsync(DateOnly from, DateOnly to, int limit, string? tenant, CancellationToken cancellationToken) =>
        reader.GetTopAsync(from, to, limit, tenant, cancellationToken);

    public Task<IReadOnlyList<TaughtAlias>> ListAliasesAsync(CancellationToken cancellationToken) => reader.ListAliasesAsync(cancellationToken);

    public Task<long> GetCardVersionAsync(string actorId, CancellationToken cancellationToken) => versions.GetAsync(actorId, cancellationToken);

    public void Dispose() => versions.Dispose();

    public Task<AliasChange> AddAliasAsync(TaughtAlias alias, Actor actor, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            if (Execute(command, ActorRows.InsertAlias, AliasValues.Insert(alias, SqliteTime.ToMicroseconds(alias.AddedAt))) == 0)
            {
                return new AliasChange(false, Execute<string>(command, ActorRows.SelectAliasActor, [("@alias", alias.Alias)]), 0);
            }

            Execute(command, ActorRows.RememberTaughtMentions, [("@alias", alias.Alias)]);
            var resolved = Execute(command, ActorRows.ResolveMentions, AliasValues.Resolve(alias.Alias, actor));
            return new AliasChange(true, actor.Id, resolved);
        }, cancellationToken);

    public Task<AliasChange> RemoveAliasAsync(string alias, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var actorId = Execute<string>(command, ActorRows.SelectAliasActor, [("@alias", alias)]);
            if (actorId is null)
            {
                return new AliasChange(false, null, 0);
            }

            Execute(command, ActorRows.DeleteAlias, [("@alias", alias)]);
            var reverted = Execute(command, ActorRows.RestoreTaughtMentions, [("@alias", alias)]);
            Execute(command, ActorRows.ForgetTaughtMentions, [("@alias", alias)]);
            reverted += Execute(command, ActorRows.UnresolveMentions, AliasValues.Unresolve(alias, actorId));
            return new AliasChange(true, actorId, reverted);
        }, cancellationToken);

    private static int Execute(SqliteCommand command, string sql, IEnumerable<(string Name, object? Value)> values)
    {
        command.CommandText = sql;
        AnalysisRows.Bind(command, values);
        return command.ExecuteNonQuery();
    }

    private static T? Execute<T>(SqliteCommand command, string sql, IEnumerable<(string Name, object? Value)> values)
    {
        command.CommandText = sql;
        AnalysisRows.Bind(command, values);
        return command.ExecuteScalar() is T value ? value : default;
    }
}
