using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BriefingBot.Articles.Ingestion.Web;

public static class IngestHttpClients
{
    public const string UserAgent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 BriefingBot/1.0";

    public const int MaxRedirects = 5;

    /// <summary>
    /// Two clients: the operator's reaches any host; the chat users' connects only to public addresses
    /// (unless <c>Articles:AllowPrivateHosts</c>), checked at connect time so redirects and DNS rebinding are covered.
    /// </summary>
    public static IServiceCollection AddIngestHttpClients(this IServiceCollection services)
    {
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<WebFetcher>();

        services.AddHttpClient(WebFetcher.OperatorClient, Configure)
            .ConfigurePrimaryHttpMessageHandler(() => CreateHandler(connector: null))
            .AddResilienceHandler("ingest", ConfigureRetry);

        services.AddHttpClient(WebFetcher.ChatUserClient, Configure)
            .ConfigurePrimaryHttpMessageHandler(provider =>
                CreateHandler(provider.GetRequiredService<IOptions<ArticlesOptions>>().Value.AllowPrivateHosts
                    ? null
                    : new GuardedConnector(provider.GetRequiredService<IHostResolver>(), PublicAddressPolicy.IsPublic)))
            .AddResilienceHandler("ingest", ConfigureRetry);
        return services;
    }

    public static void Configure(HttpClient client)
    {
        // WebFetcher applies Articles:FetchTimeout to the whole fetch, body included.
        client.Timeout = Timeout.InfiniteTimeSpan;
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        client.DefaultRequestHeaders.Accept.ParseAdd(
            "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    /// <summary>The primary handler; with a connector, every connection (including after a redirect) goes through it.</summary>
    public static SocketsHttpHandler CreateHandler(GuardedConnector? connector) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = MaxRedirects,
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),

        // Through a proxy the guard would only see the proxy's address, so the guarded client never uses one.
        UseProxy = connector is null,
        ConnectCallback = connector is null ? null : connector.ConnectAsync,
    };

    private static void ConfigureRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline) =>
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(500),
            ShouldHandle = args => ValueTask.FromResult(
                WebFetcher.FindRefusal(args.Outcome.Exception) is null && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
        });
}
