using System.Data.Common;
using BriefingBot.Hosting;
using BriefingBot.Storage.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// The SQLite file: opens connections with the right pragmas and owns the single writer connection.
/// SQLite allows one writer at a time, so writes queue on a gate here instead of failing with SQLITE_BUSY.
/// </summary>
public sealed class SqliteDatabase : ISqlDatabase, IAsyncDisposable, IDisposable
{
    private const string ConnectionPragmas = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";

    private readonly string connectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly ILogger<SqliteDatabase> logger;
    private SqliteConnection? writer;
    private volatile bool directoryReady;

    public SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger)
    {
        DbTime.Register();
        this.logger = logger;
        FilePath = Path.GetFullPath(options.Value.SqlitePath);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public SqlDialect Dialect => SqlDialect.Sqlite;

    /// <summary>Raised before a flush or disposal closes the connections: holders of long-lived ones close theirs.</summary>
    public event Action? Closing;

    /// <summary>A new pooled connection for reading (or for a write already inside <see cref="WriteAsync{T}"/>).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        EnsureDirectory();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    async Task<DbConnection> ISqlDatabase.OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    Task<T> ISqlDatabase.TransactAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        WriteTransactionAsync((connection, transaction) => work(connection, transaction), cancellationToken);

    /// <summary>Opens the file for the first time: folder, WAL mode, and an actionable error when that fails.</summary>
    public async Task<SqliteConnection> OpenForStartupAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await OpenAsync(cancellationToken);
            using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteScalarAsync(cancellationToken);
            StorageLog.OpenedSqlite(logger, FilePath);
            return connection;
        }
        catch (SqliteException ex)
        {
            throw new BotStartupException($"cannot open the SQLite database (Storage:SqlitePath) at {FilePath}: {ex.Message}", ex);
        }
    }

    /// <summary>Runs <paramref name="work"/> alone on the writer connection, inside one IMMEDIATE transaction.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            writer ??= await OpenWriterAsync(cancellationToken);
            using var transaction = writer.BeginTransaction(deferred: false);
            var result = work(writer, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>As <see cref="WriteAsync{T}"/>, for work that awaits (reads inside the transaction).</summary>
    public async Task<T> WriteTransactionAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            writer ??= await OpenWriterAsync(cancellationToken);
            using var transaction = writer.BeginTransaction(deferred: false);
            var result = await work(writer, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>
    /// Shutdown: folds the WAL into the database file (so a copy of the .db alone is complete) and closes every
    /// connection. A later write reopens the writer.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return;
        }

        Closing?.Invoke();
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
                writer = null;
            }

            await using (var connection = await OpenAsync(cancellationToken))
            {
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken);
            }

            using (var pooled = new SqliteConnection(connectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            StorageLog.FlushedSqlite(logger, FilePath);
        }
        finally
        {
            writeGate.Release();
        }
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken);
        using var pragmas = connection.CreateCommand();
        // FTS5 merges touch many pages per insert; a larger page cache for the one writer keeps bulk ingestion fast.
        pragmas.CommandText = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        Closing?.Invoke();
        if (writer is not null)
        {
            await writer.DisposeAsync();
            writer = null;
        }

        writeGate.Dispose();
    }

    public void Dispose()
    {
        Closing?.Invoke();
        writer?.Dispose();
        writer = null;
        writeGate.Dispose();
    }

    private void EnsureDirectory()
    {
        if (directoryReady)
        {
            return;
        }

        var directory = Path.GetDirectoryName(FilePath);
        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new BotStartupException(
                $"cannot create the folder for the SQLite database (Storage:SqlitePath) at {directory}: {ex.Message}", ex);
        }

        directoryReady = true;
    }
}
