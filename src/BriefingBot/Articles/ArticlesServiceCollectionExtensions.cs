using BriefingBot.Analysis;
using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Web;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Articles;

public static class ArticlesServiceCollectionExtensions
{
    public static IServiceCollection AddArticles(this IServiceCollection services, BotMode mode)
    {
        // /article show summarises and analyses on demand.
        services.AddAnalysis();
        services.AddValidatedOptions<ArticlesOptions>(ArticlesOptions.Section);
        services.AddValidatedOptions<FeedsOptions>(FeedsOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMetadataStore, InMemoryMetadataStore>();
        services.AddIngestHttpClients();
        services.TryAddSingleton<ArticleBuilder>();
        services.TryAddSingleton<ArticleIngestor>();
        services.TryAddSingleton<IArticleIngestor>(sp => sp.GetRequiredService<ArticleIngestor>());
        services.TryAddSingleton<IArticleAnnouncer, LoggingArticleAnnouncer>();
        // Hosted in the worker and the shell; ingest --reanalyze runs it in the foreground.
        services.TryAddSingleton<AnalysisWorker>();

        if (mode is BotMode.Worker or BotMode.Shell)
        {
            // Registered after storage, so the store is migrated before the samples go in.
            services.AddHostedService<SampleSeeder>();
            // Analyses what is stored but not yet analysed, at start and after each ingestion; never blocks a reply.
            services.AddHostedService(sp => sp.GetRequiredService<AnalysisWorker>());
        }

        services.AddCommand<ArticleAddCommand>();
        services.AddCommand<ArticleListCommand>();
        services.AddCommand<ArticleSearchCommand>();
        services.AddCommand<ArticleShowCommand>();
        return services;
    }
}
