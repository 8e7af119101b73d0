using BriefingBot.Actors;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Articles.Feeds;
using BriefingBot.Digests;
using BriefingBot.Follows;
using BriefingBot.Hosting;
using BriefingBot.Polls;
using BriefingBot.Storage.Migrations;
using BriefingBot.Storage.Postgres;
using BriefingBot.Storage.Sql;
using BriefingBot.Storage.Sqlite;
using BriefingBot.Web;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The store chosen by <c>Storage:Provider</c>, migrated at start-up before anything else runs.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        services.AddValidatedOptions<Articles.Stories.StoriesOptions>(Articles.Stories.StoriesOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SqliteArticleStore>();
        services.TryAddSingleton<SqliteAnalysisStore>();
        services.TryAddSingleton<SqliteActorStore>();
        services.TryAddSingleton<SqlitePollStore>();
        services.TryAddSingleton<SqliteMigrator>();
        services.TryAddSingleton<PostgresDatabase>();
        services.TryAddSingleton<PostgresArticleStore>();
        services.TryAddSingleton<PostgresAnalysisStore>();
        services.TryAddSingleton<PostgresActorStore>();
        services.TryAddSingleton<PostgresPollStore>();
        services.TryAddSingleton<PostgresMigrator>();
        services.TryAddSingleton<SqliteFollowStore>();
        services.TryAddSingleton<PostgresFollowStore>();

        services.TryAddSingleton<IArticleStore>(sp => Choose<IArticleStore, SqliteArticleStore, PostgresArticleStore>(sp));
        services.TryAddSingleton<IMetadataStore, MetadataStore>();
        services.TryAddSingleton<IAnalysisStore>(sp => Choose<IAnalysisStore, SqliteAnalysisStore, PostgresAnalysisStore>(sp));
        services.TryAddSingleton<IDevelopmentStore>(sp => Choose<IDevelopmentStore, SqliteAnalysisStore, PostgresAnalysisStore>(sp));
        services.TryAddSingleton<IActorStore>(sp => Choose<IActorStore, SqliteActorStore, PostgresActorStore>(sp));
        services.TryAddSingleton<IPollStore>(sp => Choose<IPollStore, SqlitePollStore, PostgresPollStore>(sp));
        services.TryAddSingleton<IDigestSource, DigestSource>();
        services.TryAddSingleton<IDigestStore, DigestStore>();
        services.TryAddSingleton<IFeedStore, FeedStore>();
        services.TryAddSingleton<IWebStore, WebStore>();
        services.TryAddSingleton<IFollowStore>(sp => Choose<IFollowStore, SqliteFollowStore, PostgresFollowStore>(sp));
        services.TryAddSingleton<IStorageMigrator>(sp => Choose<IStorageMigrator, SqliteMigrator, PostgresMigrator>(sp));
        services.TryAddSingleton<ISqlDatabase>(sp => Choose<ISqlDatabase, SqliteDatabase, PostgresDatabase>(sp));

        // Hosted services start in registration order; the schema must exist before any of them touches the store.
        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StorageInitializer)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        }

        return services;
    }

    private static TService Choose<TService, TSqlite, TPostgres>(IServiceProvider services)
        where TSqlite : TService
        where TPostgres : TService
        where TService : notnull =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider switch
        {
            StorageProvider.Postgres => services.GetRequiredService<TPostgres>(),
            _ => services.GetRequiredService<TSqlite>(),
        };
}
