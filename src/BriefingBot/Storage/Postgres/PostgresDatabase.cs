using System.Data.Common;
using System.Net.Sockets;
using BriefingBot.Hosting;
using BriefingBot.Storage.Sql;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>The PostgreSQL data source (pooled connections) and the connection errors a user can act on.</summary>
public sealed class PostgresDatabase : ISqlDatabase, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlConnectionStringBuilder settings;

    public PostgresDatabase(IOptions<StorageOptions> options)
    {
        DbTime.Register();
        try
        {
            settings = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // The parser's message may quote the string, so only its kind of problem is reported.
            throw new BotStartupException("Storage:ConnectionString is not a valid PostgreSQL connection string (key=value;...).", ex);
        }

        dataSource = NpgsqlDataSource.Create(settings);
    }

    /// <summary>Where it connects, without credentials: host:port/database.</summary>
    public string Target => $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";

    public SqlDialect Dialect => SqlDialect.Postgres;

    async Task<DbConnection> ISqlDatabase.OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    async Task<T> ISqlDatabase.TransactAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>The first connection at start-up: a failure becomes one actionable line that never includes the password.</summary>
    public async Task<NpgsqlConnection> OpenForStartupAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            throw new BotStartupException(
                $"cannot connect to PostgreSQL (Storage:ConnectionString) at {Target}: {WithoutPassword(Reason(ex))}", ex);
        }
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    public void Dispose() => dataSource.Dispose();

    private static string Reason(Exception ex) => ex switch
    {
        PostgresException pg => $"{pg.MessageText} ({pg.SqlState})",
        { InnerException: SocketException socket } => $"{ex.Message} ({socket.Message})",
        { InnerException: TimeoutException timeout } => $"{ex.Message} ({timeout.Message})",
        _ => ex.Message,
    };

    private string WithoutPassword(string reason) =>
        string.IsNullOrEmpty(settings.Password) ? reason : reason.Replace(settings.Password, "***", StringComparison.Ordinal);
}
