using BriefingBot.Storage.Migrations;
using BriefingBot.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace BriefingBot.Storage;

/// <summary>
/// Migrates the store before any other hosted service starts (registered first by <c>AddStorage</c>), and, stopped
/// last, flushes it at shutdown (SQLite: WAL checkpoint and closed connections; PostgreSQL's pool closes on disposal).
/// </summary>
public sealed partial class StorageInitializer(
    IStorageMigrator migrator, IOptions<StorageOptions> options, IServiceProvider services, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        LogMigrated(logger, applied);
    }

    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StorageProvider.Sqlite)
        {
            return;
        }

        // Flush even when the host's shutdown time is used up: the checkpoint is quick and keeps the .db file whole.
        using var flushTimeout = new CancellationTokenSource(FlushTimeout);
        try
        {
            await services.GetRequiredService<SqliteDatabase>().FlushAsync(flushTimeout.Token);
        }
        catch (OperationCanceledException)
        {
            LogFlushTimedOut(logger, FlushTimeout.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite flush at shutdown gave up after {Seconds} s; the WAL file is kept and applied at the next start")]
    private static partial void LogFlushTimedOut(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}
