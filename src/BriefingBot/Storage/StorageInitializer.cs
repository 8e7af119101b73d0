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

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == StorageProvider.Sqlite)
        {
            await services.GetRequiredService<SqliteDatabase>().FlushAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}
