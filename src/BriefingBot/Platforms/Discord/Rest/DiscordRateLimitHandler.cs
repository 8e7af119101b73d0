using System.Globalization;
using System.Net;
using System.Text.Json;
using BriefingBot.Chat;
using BriefingBot.Hosting.Telemetry;
using BriefingBot.Platforms.Discord.Payloads;

namespace BriefingBot.Platforms.Discord.Rest;

/// <summary>
/// Waits for the route's bucket and the global limit before sending, learns limits from the X-RateLimit headers, and
/// on 429 waits <c>retry_after</c> and sends again, so a 429 storm delays messages but loses none. Stops sending
/// when <see cref="InvalidRequestGuard"/> says so.
/// </summary>
public sealed partial class DiscordRateLimitHandler(
    RateLimitState state,
    InvalidRequestGuard guard,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<DiscordRateLimitHandler> logger) : DelegatingHandler
{
    private const int MaxAttempts = 25;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = RateLimitState.RouteOf(request.Method, request.RequestUri!);
        for (var attempt = 1; ; attempt++)
        {
            if (guard.Refusal() is { } refusal)
            {
                throw new DiscordRequestRefusedException(refusal, guard.TokenRejected);
            }

            var bucket = state.BucketFor(route);
            HttpResponseMessage response;
            await bucket.Gate.WaitAsync(cancellationToken);
            try
            {
                var untilReset = bucket.ResetAt - time.GetUtcNow();
                if (bucket.Remaining == 0 && untilReset > TimeSpan.Zero)
                {
                    LogBucketWait(route.Key, untilReset.TotalMilliseconds);
                    metrics.RateLimitWait("discord", untilReset);
                    await Task.Delay(untilReset, time, cancellationToken);
                }

                // The global slot last, so a slot is never held through a bucket wait (or lost to a cancellation in one).
                for (var wait = state.ReserveGlobalSlot(route.GlobalExempt); wait > TimeSpan.Zero; wait = state.ReserveGlobalSlot(route.GlobalExempt))
                {
                    metrics.RateLimitWait("discord", wait);
                    await Task.Delay(wait, time, cancellationToken);
                }

                try
                {
                    response = await base.SendAsync(request, cancellationToken);
                }
                finally
                {
                    state.ReleaseGlobalSlot(route.GlobalExempt);
                }

                Learn(route, bucket, response);
            }
            finally
            {
                bucket.Gate.Release();
            }

            var shared = Header(response, "X-RateLimit-Scope") == "shared";
            guard.Record((int)response.StatusCode, shared);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == MaxAttempts)
            {
                return response;
            }

            var (retryAfter, global) = await ReadRetryAfterAsync(response, cancellationToken);
            response.Dispose();
            LogRateLimited(route.Key, global, retryAfter.TotalMilliseconds, attempt);
            if (global)
            {
                state.PauseGlobally(retryAfter);
            }
            else
            {
                var resetAt = time.GetUtcNow() + retryAfter;
                var current = state.BucketFor(route);
                current.Remaining = 0;
                current.ResetAt = resetAt > current.ResetAt ? resetAt : current.ResetAt;
            }
        }
    }

    private static readonly TimeSpan ResetSlack = TimeSpan.FromMilliseconds(50);

    private void Learn(RateLimitState.Route route, RateLimitState.Bucket bucket, HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Bucket") is { Length: > 0 } hash)
        {
            state.LearnBucket(route, hash);
            bucket = state.BucketFor(route);
        }

        if (int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            bucket.Remaining = remaining;
        }

        if (double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            // A little slack: Discord's clock and ours differ, and a request that lands a moment early costs a 429.
            bucket.ResetAt = time.GetUtcNow() + TimeSpan.FromSeconds(seconds) + ResetSlack;
        }
    }

    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var global = string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        double? seconds = null;
        try
        {
            var body = await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.RateLimitBody, cancellationToken);
            if (body is not null)
            {
                seconds = body.RetryAfter;
                global |= body.Global;
            }
        }
        catch (JsonException)
        {
            // Cloudflare's HTML 429 has no body we can read; the header below still applies.
        }

        if (seconds is null && double.TryParse(Header(response, "Retry-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
        {
            seconds = header;
        }

        var wait = TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, 3600));
        return (wait, global);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord bucket for {Route} is empty; waiting {Milliseconds} ms")]
    private partial void LogBucketWait(string route, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limited {Route} (global: {Global}); retrying in {Milliseconds} ms, attempt {Attempt}")]
    private partial void LogRateLimited(string route, bool global, double milliseconds, int attempt);
}

/// <summary>The invalid-request guard stopped a request before it went out.</summary>
public sealed class DiscordRequestRefusedException(string message, bool tokenRejected)
    : ChatDeliveryException(ChatFailureKind.Rejected, "Discord refused requests from this bot for now", message)
{
    public bool TokenRejected { get; } = tokenRejected;
}
