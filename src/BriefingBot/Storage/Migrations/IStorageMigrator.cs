namespace BriefingBot.Storage.Migrations;

/// <summary>Brings the schema up to date; safe to run again and from several processes at once.</summary>
public interface IStorageMigrator
{
    /// <summary>Applies the pending migrations in version order and returns how many were applied.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken);
}
