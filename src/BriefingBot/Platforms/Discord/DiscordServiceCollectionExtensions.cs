using BriefingBot.Chat.Components;
using BriefingBot.Chat;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Discord.Commands;
using BriefingBot.Platforms.Discord.Gateway;
using BriefingBot.Platforms.Discord.Interactions;
using BriefingBot.Platforms.Discord.Rest;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace BriefingBot.Platforms.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>Everything Discord, registered only when <c>Discord:Token</c> is configured.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, BotMode mode, IConfiguration configuration)
    {
        if (mode != BotMode.Worker || string.IsNullOrWhiteSpace(configuration["Discord:Token"]))
        {
            return services;
        }

        services.AddValidatedOptions<DiscordOptions>(DiscordOptions.Section);
        var discordMode = configuration.GetValue("Discord:Mode", DiscordMode.Gateway);

        // HttpClient's own request logs print every URL at Information, and interaction URLs carry the interaction token.
        services.Configure<LoggerFilterOptions>(o => o.AddFilter("System.Net.Http.HttpClient." + nameof(DiscordRestClient), LogLevel.Warning));
        services.AddSingleton<RateLimitState>();
        services.AddSingleton(sp => new InvalidRequestGuard(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<RecentInteractions>();
        services.TryAddSingleton<ShutdownDrain>();
        services.TryAddSingleton<FatalError>();
        services.AddSingleton<Chat.IChannelWorkspaceSource, DiscordChannelWorkspaces>();
        services.AddTransient<DiscordAuthHandler>();
        services.AddTransient<DiscordRateLimitHandler>();
        services.AddHttpClient<DiscordRestClient>((sp, http) =>
            {
                var baseUrl = sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl.ToString();
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<DiscordAuthHandler>()
            .AddHttpMessageHandler<DiscordRateLimitHandler>()
            .RemoveAllLoggers()
            .AddLogger(sp => new RedactingHttpLogger("discord", sp.GetRequiredService<ILogger<RedactingHttpLogger>>()))
            .AddResilienceHandler("discord-transient", AddTransientRetry);

        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<DiscordChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<DiscordChatPlatform>());
        services.AddHostedService<CommandRegistrationService>();

        if (discordMode == DiscordMode.Http)
        {
            services.AddSingleton(sp => new InteractionSignatureVerifier(
                sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey!, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<InteractionEndpoint>();
        }
        else
        {
            services.TryAddSingleton<IGatewayConnector, WebSocketGatewayConnector>();
            services.TryAddSingleton(new GatewayTimings());
            services.AddHostedService<DiscordGatewayService>();
        }

        return services;
    }

    /// <summary>Maps <c>POST /discord/interactions</c> when Discord runs in Http mode.</summary>
    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<InteractionEndpoint>() is not null)
        {
            endpoints.MapPost(InteractionEndpoint.Path, (HttpContext context, InteractionEndpoint endpoint) => endpoint.HandleAsync(context));
        }

        return endpoints;
    }

    /// <summary>
    /// Innermost, per network attempt: timeouts, and brief retries of network errors and 5xx on idempotent calls. 429s
    /// are left to the rate-limit handler outside, since a blind retry would count toward the invalid-request ban.
    /// </summary>
    private static void AddTransientRetry(ResiliencePipelineBuilder<HttpResponseMessage> pipeline)
    {
        pipeline.AddTimeout(TimeSpan.FromSeconds(90));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(IsIdempotent(args.Context.GetRequestMessage()?.Method) && args.Outcome switch
            {
                { Exception: HttpRequestException } => true,
                { Result: { } response } => (int)response.StatusCode >= 500,
                _ => false,
            }),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(30));
    }

    private static bool IsIdempotent(HttpMethod? method) => method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete;
}
