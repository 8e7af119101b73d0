using Microsoft.Extensions.Options;

namespace BriefingBot.Polls;

/// <summary>At start-up: a close trigger for every poll still open (a RAM store lost them) and the periodic sweep.</summary>
public sealed partial class PollStartup(IPollStore store, PollScheduler scheduler, TimeProvider time, IOptions<PollsOptions> options, ILogger<PollStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            foreach (var poll in await store.ListUnclosedAsync(cancellationToken))
            {
                if (poll.ClosesAt > now)
                {
                    await scheduler.ScheduleCloseAsync(poll.Id, poll.ClosesAt, cancellationToken);
                }
            }

            await scheduler.ScheduleSweepAsync(options.Value.SweepInterval, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The sweep is the safety net; a failure here must not keep the bot from answering.
            LogStartupFailed(ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not schedule poll closes at start-up")]
    private partial void LogStartupFailed(Exception exception);
}
