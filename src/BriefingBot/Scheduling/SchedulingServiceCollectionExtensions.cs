using BriefingBot.Hosting;
using BriefingBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;

namespace BriefingBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The one Quartz scheduler every feature schedules on, in the bot's own store (SQLite file or PostgreSQL), so jobs
    /// and triggers survive restarts. Its tables come from our migrations; Quartz only checks them at start-up.
    /// Long-running modes only: the one-shot commands schedule nothing.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, BotMode mode, IConfiguration configuration)
    {
        if (mode is not (BotMode.Worker or BotMode.Shell) || services.Any(d => d.ServiceType == typeof(SchedulingMarker)))
        {
            return services;
        }

        services.AddSingleton<SchedulingMarker>();
        services.AddValidatedOptions<SchedulerOptions>(SchedulerOptions.Section);
        services.AddSingleton<IValidateOptions<SchedulerOptions>, ClusteringNeedsPostgres>();

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var scheduler = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "BriefingBot";
                if (!string.Equals(scheduler.InstanceId, "AUTO", StringComparison.OrdinalIgnoreCase))
                {
                    s.InstanceId = scheduler.InstanceId;
                }
            });
            q.UseDefaultThreadPool(scheduler.MaxConcurrency);
            if (storage.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                // Storage validation stops start-up with a line naming the key; nothing will be scheduled.
                q.UseInMemoryStore();
                return;
            }

            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    o.MisfireThreshold = scheduler.MisfireThreshold;
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                if (storage.Provider == StorageProvider.Postgres)
                {
                    store.UsePostgres(NpgsqlFactory.Instance, storage.ConnectionString ?? string.Empty);
                    if (scheduler.Clustered)
                    {
                        store.UseClustering(c =>
                        {
                            c.CheckinInterval = scheduler.CheckinInterval;
                            c.CheckinMisfireThreshold = scheduler.CheckinMisfireThreshold;
                        });
                    }
                }
                else
                {
                    store.UseSqlite(SqliteSchedulerConnections.Instance, SqliteConnectionString(storage.SqlitePath));
                }
            });
        });
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>The same file the store uses; a generous busy timeout since the bot's own writer shares it.</summary>
    internal static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private sealed class SchedulingMarker;

    private sealed class ClusteringNeedsPostgres(IOptions<StorageOptions> storage) : IValidateOptions<SchedulerOptions>
    {
        public ValidateOptionsResult Validate(string? name, SchedulerOptions options) =>
            options.Clustered && storage.Value.Provider != StorageProvider.Postgres
                ? ValidateOptionsResult.Fail("Scheduler:Clustered needs Storage:Provider Postgres: a cluster shares one PostgreSQL database.")
                : ValidateOptionsResult.Success;
    }
}
