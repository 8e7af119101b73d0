using BriefingBot.Analysis;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Chat.Components;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace BriefingBot.Polls;

public static class PollsServiceCollectionExtensions
{
    /// <summary>
    /// Likelihood polls: the commands, the poll buttons, the close and sweep jobs, and the "new reporting" listener.
    /// Needs storage and the chat platforms; Quartz is added here when the articles feature has not added it.
    /// </summary>
    public static IServiceCollection AddPolls(this IServiceCollection services, BotMode mode)
    {
        services.AddValidatedOptions<PollsOptions>(PollsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PollTimeParser(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PollsOptions>>().Value.Zone()));
        services.AddChannelWorkspaces();
        services.TryAddSingleton<PollDrafts>();
        services.TryAddSingleton<PollScheduler>();
        services.TryAddSingleton<VoteCountUpdater>();
        services.TryAddSingleton<PollService>();
        services.TryAddSingleton<ForecastStats>();
        services.AddSingleton<IComponentHandler, PollButtons>();
        services.AddSingleton<IArticleAnalyzedListener, NewReportingNotifier>();
        if (!services.Any(d => d.ServiceType == typeof(ISchedulerFactory)))
        {
            services.AddQuartz();
        }

        if (mode is BotMode.Worker or BotMode.Shell)
        {
            services.AddHostedService<PollStartup>();
        }

        services.AddCommand<PollCreateCommand>();
        services.AddCommand<PollVoteCommand>();
        services.AddCommand<PollCloseCommand>();
        services.AddCommand<PollResolveCommand>();
        services.AddCommand<ForecastStatsCommand>();
        services.AddCommand<LeaderboardCommand>();
        return services;
    }
}
