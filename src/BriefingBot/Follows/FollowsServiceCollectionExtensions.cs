using BriefingBot.Analysis;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace BriefingBot.Follows;

public static class FollowsServiceCollectionExtensions
{
    /// <summary>
    /// Follows: the commands, the listener that queues alerts after analysis, and the alert job (long-running modes).
    /// Needs storage, actors and the chat platforms.
    /// </summary>
    public static IServiceCollection AddFollows(this IServiceCollection services, BotMode mode)
    {
        if (mode is not (BotMode.Worker or BotMode.Shell))
        {
            return services;
        }

        services.AddFollowServices();
        if (!services.Any(d => d.ServiceType == typeof(ISchedulerFactory)))
        {
            services.AddQuartz();
        }

        services.AddTransient<FollowAlertJob>();
        services.AddHostedService<FollowStartup>();
        return services;
    }

    /// <summary>Everything but the schedule: what tests drive pass by pass on their own clock.</summary>
    public static IServiceCollection AddFollowServices(this IServiceCollection services)
    {
        services.AddValidatedOptions<FollowsOptions>(FollowsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FollowTargets>();
        services.TryAddSingleton<FollowService>();
        services.TryAddSingleton<FollowAlerter>();
        services.TryAddSingleton<FollowMatcher>();
        services.AddSingleton<IArticleAnalyzedListener>(sp => sp.GetRequiredService<FollowMatcher>());

        services.AddCommand<FollowCommand>();
        services.AddCommand<UnfollowCommand>();
        return services;
    }
}
