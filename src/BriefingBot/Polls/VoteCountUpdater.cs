using System.Collections.Concurrent;
using BriefingBot.Chat;
using Microsoft.Extensions.Options;

namespace BriefingBot.Polls;

/// <summary>
/// Keeps the voter count on poll messages current without one edit per vote: the first vote after a quiet spell starts
/// a short wait (<see cref="PollsOptions.CountUpdateDelay"/>), then one edit shows the count at that moment. Votes during
/// the edit start the next wait, so the last vote is always shown.
/// </summary>
public sealed partial class VoteCountUpdater(
    IPollStore store, IEnumerable<IChatPlatform> platforms, PollTimeParser clock, IOptions<PollsOptions> options, TimeProvider time,
    ILogger<VoteCountUpdater> logger, Web.WebLinks? links = null) : IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<long, byte> pending = new();
    private readonly IReadOnlyList<IChatPlatform> platformList = [.. platforms];

    /// <summary>Edits in flight; tests wait on them.</summary>
    public int Pending => pending.Count;

    public void Touch(long pollId)
    {
        if (pending.TryAdd(pollId, 0))
        {
            _ = Task.Run(() => UpdateAfterDelayAsync(pollId, stopping.Token));
        }
    }

    private async Task UpdateAfterDelayAsync(long pollId, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.Value.CountUpdateDelay, time, cancellationToken);
            pending.TryRemove(pollId, out _);
            var poll = await store.GetAsync(pollId, cancellationToken);
            if (poll?.Message is not { } message || poll.ClosedAt is not null || platformList.FirstOrDefault(p => p.Name == poll.Platform) is not { } platform)
            {
                return;
            }

            var count = await store.CountVotesAsync(pollId, cancellationToken);
            await platform.UpdateAsync(message, PollMessages.Open(poll, count, clock).WithPage(links?.Poll(poll.Id)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            pending.TryRemove(pollId, out _);
        }
        catch (Exception ex)
        {
            pending.TryRemove(pollId, out _);
            LogUpdateFailed(ex, pollId);
        }
    }

    /// <summary>Pending edits stop with the host (the container disposes this singleton).</summary>
    public void Dispose()
    {
        stopping.Cancel();
        stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the voter count of poll {PollId}")]
    private partial void LogUpdateFailed(Exception exception, long pollId);
}
