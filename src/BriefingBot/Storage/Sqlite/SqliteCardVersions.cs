using System.Globalization;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// The card version read that every <c>/actor</c> makes, kept cheap: a few connections, each holding the statement
/// prepared, reused instead of opening a pooled connection (and its pragmas) and preparing the SQL per request.
/// They close when the database flushes or is disposed; the next read opens anew.
/// </summary>
internal sealed class SqliteCardVersions : IDisposable
{
    private const int Kept = 4;

    private readonly SqliteDatabase database;
    private readonly ConcurrentQueue<Reader> idle = new();

    public SqliteCardVersions(SqliteDatabase database)
    {
        this.database = database;
        database.Closing += Clear;
    }

    public async Task<long> GetAsync(string actorId, CancellationToken cancellationToken)
    {
        if (!idle.TryDequeue(out var reader))
        {
            reader = await Reader.OpenAsync(database, cancellationToken);
        }

        long version;
        try
        {
            reader.Actor.Value = actorId;
            version = Convert.ToInt64(reader.Command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        if (idle.Count < Kept)
        {
            idle.Enqueue(reader);
        }
        else
        {
            reader.Dispose();
        }

        return version;
    }

    public void Dispose()
    {
        database.Closing -= Clear;
        Clear();
    }

    private void Clear()
    {
        while (idle.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }

    private sealed class Reader(SqliteConnection connection, SqliteCommand command, SqliteParameter actor) : IDisposable
    {
        public SqliteCommand Command => command;

        public SqliteParameter Actor => actor;

        public static async Task<Reader> OpenAsync(SqliteDatabase database, CancellationToken cancellationToken)
        {
            var connection = await database.OpenAsync(cancellationToken);
            var command = connection.CreateCommand();
            command.CommandText = ActorRows.SelectCardVersion;
            var actor = command.Parameters.Add("@actor", SqliteType.Text);
            command.Prepare();
            return new Reader(connection, command, actor);
        }

        public void Dispose()
        {
            command.Dispose();
            connection.Dispose();
        }
    }
}
