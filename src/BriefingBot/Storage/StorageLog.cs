namespace BriefingBot.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Provider} migration {Version} ({Name})")]
    public static partial void ApplyingMigration(ILogger logger, string provider, int version, string name);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Opened SQLite database {Path}")]
    public static partial void OpenedSqlite(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "SQLite database {Path} checkpointed and closed")]
    public static partial void FlushedSqlite(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search query rejected by the database; returning no results")]
    public static partial void SearchRejected(ILogger logger, Exception exception);
}
