using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Web;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BriefingBot.Articles.Feeds;

public static class FeedsServiceCollectionExtensions
{
    /// <summary>Feed subscriptions: polling (one sweep job on the shared scheduler), health, the <c>/feed</c> commands. Needs <c>AddArticles</c>.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services, BotMode mode)
    {
        TextDecoding.EnsureCodePages();
        services.AddValidatedOptions<FeedPollingOptions>(FeedPollingOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<FeedFetcher>();
        services.TryAddSingleton<FeedNotifier>();
        services.TryAddSingleton<FeedPoller>();
        services.TryAddSingleton<FeedSweeper>();
        services.TryAddSingleton<FeedService>();

        // No automatic retries here: a failed poll backs off as a whole (FeedPoller), so a struggling host gets one request per poll.
        services.AddHttpClient(FeedFetcher.OperatorClient, Configure)
            .ConfigurePrimaryHttpMessageHandler(() => IngestHttpClients.CreateHandler(connector: null));
        services.AddHttpClient(FeedFetcher.ChatUserClient, Configure)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                IngestHttpClients.CreateHandler(provider.GetRequiredService<IOptions<ArticlesOptions>>().Value.AllowPrivateHosts
                    ? null
                    : new GuardedConnector(provider.GetRequiredService<IHostResolver>(), PublicAddressPolicy.IsPublic)));

        if (mode is BotMode.Worker or BotMode.Shell)
        {
            // The sweep job runs on the shared scheduler (Scheduling/AddScheduling).
            services.AddHostedService<FeedScheduler>();
        }

        services.AddCommand<FeedAddCommand>();
        services.AddCommand<FeedListCommand>();
        services.AddCommand<FeedRemoveCommand>();
        services.AddCommand<FeedPauseCommand>();
        services.AddCommand<FeedResumeCommand>();
        services.AddCommand<FeedImportCommand>();
        return services;
    }

    private static void Configure(HttpClient client)
    {
        // FeedFetcher applies Articles:FetchTimeout to the whole request, body included, and sends FeedPolling:UserAgent.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.Accept.ParseAdd(
            "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,text/html;q=0.8,*/*;q=0.5");
    }
}
