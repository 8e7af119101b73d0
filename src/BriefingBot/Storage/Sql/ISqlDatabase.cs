using System.Data.Common;

namespace BriefingBot.Storage.Sql;

/// <summary>The configured database as the shared stores see it: connections, one write transaction, its dialect.</summary>
public interface ISqlDatabase
{
    SqlDialect Dialect { get; }

    /// <summary>A new pooled connection for reading.</summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction (on SQLite, alone on the writer connection).</summary>
    Task<T> TransactAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);
}
