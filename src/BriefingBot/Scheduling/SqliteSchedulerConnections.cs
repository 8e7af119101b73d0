using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Scheduling;

/// <summary>
/// Quartz's connections to the bot's SQLite file, opened with the pragmas the bot's own connections use: in WAL mode
/// <c>synchronous = NORMAL</c> is durable across a process crash and skips an fsync per commit, which is most of what
/// a firing costs; the busy timeout queues Quartz behind the bot's writer instead of failing.
/// </summary>
internal sealed class SqliteSchedulerConnections : DbProviderFactory
{
    public static readonly SqliteSchedulerConnections Instance = new();

    public override DbConnection CreateConnection() => new TunedConnection();

    public override DbCommand CreateCommand() => SqliteFactory.Instance.CreateCommand();

    public override DbParameter CreateParameter() => SqliteFactory.Instance.CreateParameter();

    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => SqliteFactory.Instance.CreateConnectionStringBuilder();

    private sealed class TunedConnection : SqliteConnection
    {
        public override void Open()
        {
            base.Open();
            using var pragmas = CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
            pragmas.ExecuteNonQuery();
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            await base.OpenAsync(cancellationToken);
            await using var pragmas = CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
