using System.Collections.Concurrent;

namespace BriefingBot.Platforms.Discord.Rest;

/// <summary>
/// What Discord told us about its limits, shared by every request: route → bucket hash, bucket state, and the global
/// pause. Buckets are keyed by <c>X-RateLimit-Bucket</c> plus the major parameters of the path (channel, guild, webhook).
/// </summary>
public sealed class RateLimitState(TimeProvider time)
{
    private static readonly HashSet<string> MajorResources = new(StringComparer.Ordinal) { "channels", "guilds", "webhooks", "interactions" };

    private readonly ConcurrentDictionary<string, string> bucketHashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private readonly Lock globalGate = new();
    private readonly Queue<DateTimeOffset> recentAnswers = new();
    private DateTimeOffset globalResumeAt;
    private int inFlight;

    /// <summary>
    /// The global limit is counted over any second, not per calendar second, and from Discord's side: a request is
    /// counted from when it is sent until one window after its answer arrived (it reached Discord somewhere in
    /// between), so network and scheduling jitter can never squeeze 51 into Discord's second.
    /// </summary>
    internal static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1) + TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(10);

    public sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int? Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; }
    }

    public readonly record struct Route(string Key, string Major, bool GlobalExempt);

    public static Route RouteOf(HttpMethod method, Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(segments, s => s.Length > 1 && s[0] == 'v' && s[1..].All(char.IsAsciiDigit));
        var path = new List<string>();
        var major = new List<string>();
        for (var i = start + 1; i < segments.Length; i++)
        {
            var previous = i > start + 1 ? segments[i - 1] : null;
            var isMajorId = previous is not null && MajorResources.Contains(previous);
            var isWebhookToken = i >= 2 && segments[i - 2] is "webhooks" or "interactions";
            if (isMajorId || isWebhookToken)
            {
                major.Add(segments[i]);
                path.Add(segments[i]);
            }
            else
            {
                path.Add(segments[i].All(char.IsAsciiDigit) ? "{id}" : segments[i]);
            }
        }

        var exempt = segments.Contains("interactions") || segments.Contains("webhooks");
        return new Route(method.Method + " /" + string.Join('/', path), string.Join('/', major), exempt);
    }

    public Bucket BucketFor(Route route) =>
        buckets.GetOrAdd(bucketHashByRoute.TryGetValue(route.Key, out var hash) ? hash + "|" + route.Major : route.Key, _ => new Bucket());

    public void LearnBucket(Route route, string hash) => bucketHashByRoute[route.Key] = hash;

    public void PauseGlobally(TimeSpan duration)
    {
        lock (globalGate)
        {
            var until = time.GetUtcNow() + duration;
            if (until > globalResumeAt)
            {
                globalResumeAt = until;
            }
        }
    }

    /// <summary>
    /// How long to wait before the next request may go out under the global limit; zero reserves a slot, which the
    /// caller must give back with <see cref="ReleaseGlobalSlot"/> once the answer (or failure) is in.
    /// </summary>
    public TimeSpan ReserveGlobalSlot(bool exempt)
    {
        lock (globalGate)
        {
            var now = time.GetUtcNow();
            if (now < globalResumeAt)
            {
                return globalResumeAt - now;
            }

            if (exempt)
            {
                return TimeSpan.Zero;
            }

            while (recentAnswers.Count > 0 && now - recentAnswers.Peek() >= GlobalWindow)
            {
                recentAnswers.Dequeue();
            }

            if (recentAnswers.Count + inFlight >= DiscordLimits.GlobalRequestsPerSecond)
            {
                return recentAnswers.Count > 0 ? recentAnswers.Peek() + GlobalWindow - now : InFlightPoll;
            }

            inFlight++;
            return TimeSpan.Zero;
        }
    }

    /// <summary>The request that held a slot was answered (or failed) now; it keeps counting for one window.</summary>
    public void ReleaseGlobalSlot(bool exempt)
    {
        if (exempt)
        {
            return;
        }

        lock (globalGate)
        {
            inFlight--;
            recentAnswers.Enqueue(time.GetUtcNow());
        }
    }
}
