using BriefingBot.Storage.Migrations;

namespace BriefingBot.Storage;

/// <summary>Migrates the store before any other hosted service starts (registered first by <c>AddStorage</c>).</summary>
public sealed partial class StorageInitializer(IStorageMigrator migrator, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        LogMigrated(logger, applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}
