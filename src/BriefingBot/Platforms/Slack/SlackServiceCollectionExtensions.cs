using BriefingBot.Chat;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BriefingBot.Platforms.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// The Slack side, registered for the worker only when Slack:BotToken is set; Slack:Mode picks Socket Mode (a
    /// hosted connection) or HTTP (the endpoints alone).
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, BotMode mode, IConfiguration configuration)
    {
        if (mode != BotMode.Worker || string.IsNullOrEmpty(configuration[$"{SlackOptions.Section}:{nameof(SlackOptions.BotToken)}"]))
        {
            return services;
        }

        services.AddValidatedOptions<SlackOptions>(SlackOptions.Section);

        // HttpClient's own request logs print every URL at Information, response_url (a 30-minute credential) included.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter("System.Net.Http.HttpClient." + nameof(SlackApiClient), LogLevel.Warning));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SlackRatePacer>();
        services.AddTransient<SlackPacingHandler>();
        services.AddSingleton<Chat.IChannelWorkspaceSource, SlackChannelWorkspaces>();
        services.AddTransient<SlackAuthHandler>();
        var client = services.AddHttpClient<SlackApiClient>((sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
                http.Timeout = TimeSpan.FromMinutes(10); // retries after Retry-After live inside this; each attempt has its own timeout
            })
            // The client lives in singletons: rotate connections in the pool instead of rotating handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("slack", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 10,
                    ShouldRetryAfterHeader = true,
                    Delay = TimeSpan.FromSeconds(1),
                    MaxDelay = TimeSpan.FromMinutes(2),
                })
                .AddTimeout(TimeSpan.FromSeconds(30)));
        client.AddHttpMessageHandler<SlackPacingHandler>().AddHttpMessageHandler<SlackAuthHandler>();
        // Web API method names are no secret; any other address (response_url, upload URL) is itself the credential.
        client.RemoveAllLoggers().AddLogger(sp =>
        {
            var api = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            return new RedactingHttpLogger("slack", sp.GetRequiredService<ILogger<RedactingHttpLogger>>(), uri =>
                uri is not null && api.IsBaseOf(uri) ? TokenRedaction.Url(uri) : TokenRedaction.Origin(uri));
        });

        services.TryAddSingleton<ShutdownDrain>();
        services.TryAddSingleton<FatalError>();
        services.AddSingleton<SlackRequestVerifier>();
        services.AddSingleton<SlackReplySender>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddSingleton<SlackInteractionHandler>();
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<SlackEnvelopeHandler>();
        services.AddSingleton<SlackChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<SlackChatPlatform>());
        services.TryAddSingleton<Func<ISlackSocket>>(() => new ClientSlackSocket());
        if (configuration.GetValue<SlackMode?>($"{SlackOptions.Section}:{nameof(SlackOptions.Mode)}") is null or SlackMode.SocketMode)
        {
            services.AddHostedService<SlackSocketModeService>();
        }

        return services;
    }

    /// <summary>POST /slack/commands, /slack/interactivity and /slack/events, when the Slack side is configured.</summary>
    public static WebApplication MapSlack(this WebApplication app)
    {
        if (app.Services.GetService<SlackRequestVerifier>() is not null)
        {
            app.MapSlackEndpoints();
        }

        return app;
    }
}
