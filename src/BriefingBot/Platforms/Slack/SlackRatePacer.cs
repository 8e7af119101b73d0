using System.Collections.Concurrent;
using BriefingBot.Hosting.Telemetry;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Spaces Web API calls per method tier (and chat.postMessage per channel) so that we rarely meet a 429 at all;
/// the retry handler honours Retry-After for the ones that still come. Callers queue; nothing is dropped.
/// </summary>
/// <remarks><paramref name="metrics"/> is optional so that tests can build a pacer without a meter.</remarks>
public sealed class SlackRatePacer(TimeProvider time, BotMetrics? metrics = null)
{
    private static readonly Rate Tier3 = new(50, 10);
    private static readonly Rate Tier4 = new(100, 20);
    private static readonly Rate PerChannel = new(60 / SlackLimits.MessageSpacingPerChannel.TotalSeconds, 3);

    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);

    public Task WaitAsync(string method, string? channel, CancellationToken cancellationToken)
    {
        Rate? rate = method switch
        {
            "apps.connections.open" => null,
            "chat.postMessage" => PerChannel,
            "chat.postEphemeral" or "files.getUploadURLExternal" or "files.completeUploadExternal" or "views.open" => Tier4,
            _ => Tier3,
        };
        if (rate is null)
        {
            return Task.CompletedTask;
        }

        var key = method == "chat.postMessage" ? $"{method}/{channel}" : method;
        var delay = buckets.GetOrAdd(key, _ => new Bucket(rate, time.GetTimestamp())).Reserve(time);
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        metrics?.RateLimitWait(SlackContext.Platform, delay);
        return Task.Delay(delay, time, cancellationToken);
    }

    /// <param name="PerMinute">Sustained calls per minute.</param>
    /// <param name="Burst">Calls allowed back to back before spacing starts.</param>
    private sealed record Rate(double PerMinute, int Burst);

    private sealed class Bucket(Rate rate, long startedAt)
    {
        private readonly Lock gate = new();
        private double tokens = rate.Burst;
        private long refilledAt = startedAt;

        /// <summary>Takes a token, going into debt when none is left; the debt is how long the caller waits.</summary>
        public TimeSpan Reserve(TimeProvider time)
        {
            lock (gate)
            {
                var now = time.GetTimestamp();
                tokens = Math.Min(rate.Burst, tokens + (time.GetElapsedTime(refilledAt, now).TotalMinutes * rate.PerMinute));
                refilledAt = now;
                tokens -= 1;
                return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(-tokens / rate.PerMinute);
            }
        }
    }
}
