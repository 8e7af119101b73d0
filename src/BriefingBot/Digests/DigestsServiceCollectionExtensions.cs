using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Digests;

public static class DigestsServiceCollectionExtensions
{
    /// <summary>Digest subscriptions, their Quartz jobs, delivery and the <c>/digest</c> commands (needs storage and scheduling).</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, BotMode mode, IConfiguration configuration)
    {
        if (mode is not (BotMode.Worker or BotMode.Shell))
        {
            return services;
        }

        services.AddValidatedOptions<DigestsOptions>(DigestsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDigestContent();
        services.TryAddSingleton<DigestScheduler>();
        services.AddChannelWorkspaces();
        services.TryAddSingleton<DigestDelivery>();
        services.AddTransient<DigestJob>();
        services.AddHostedService<DigestSubscriptionSync>();

        services.AddCommand<DigestScheduleCommand>();
        services.AddCommand<DigestListCommand>();
        services.AddCommand<DigestUnscheduleCommand>();
        services.AddCommand<DigestNowCommand>();
        return services;
    }
}
