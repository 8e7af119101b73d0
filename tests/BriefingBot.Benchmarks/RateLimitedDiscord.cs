using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Benchmarks;

/// <summary>
/// Discord's REST API on loopback, reduced to what a digest needs, enforcing the global limit the way it bites: more
/// than <see cref="PerSecond"/> requests in any one second are answered 429 (global). Counts what it created.
/// </summary>
internal sealed class RateLimitedDiscord : IAsyncDisposable
{
    public const int PerSecond = 50;

    private readonly WebApplication app;
    private readonly Queue<DateTimeOffset> window = new();
    private readonly Lock gate = new();
    private long nextId = 1_000_000;
    private int created;
    private int tooMany;

    private RateLimitedDiscord(WebApplication app) => this.app = app;

    public Uri ApiBase { get; private set; } = null!;

    public int Created => Volatile.Read(ref created);

    public int TooManyRequests => Volatile.Read(ref tooMany);

    public DateTimeOffset LastCreatedAt { get; private set; }

    public static async Task<RateLimitedDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new RateLimitedDiscord(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.ApiBase = new Uri(app.Urls.First() + "/api/v10/");
        return fake;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var now = DateTimeOffset.UtcNow;
        TimeSpan? retryAfter = null;
        lock (gate)
        {
            while (window.Count > 0 && now - window.Peek() >= TimeSpan.FromSeconds(1))
            {
                window.Dequeue();
            }

            if (window.Count >= PerSecond)
            {
                retryAfter = window.Peek() + TimeSpan.FromSeconds(1) - now;
            }
            else
            {
                window.Enqueue(now);
            }
        }

        context.Response.ContentType = "application/json";
        if (retryAfter is { } wait)
        {
            Interlocked.Increment(ref tooMany);
            context.Response.StatusCode = 429;
            context.Response.Headers["X-RateLimit-Global"] = "true";
            context.Response.Headers["X-RateLimit-Scope"] = "global";
            var seconds = wait.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
            context.Response.Headers["Retry-After"] = seconds;
            await context.Response.WriteAsync($$"""{"message":"You are being rate limited.","retry_after":{{seconds}},"global":true}""");
            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        if (context.Request.Method == "POST" && path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && path.EndsWith("/messages", StringComparison.Ordinal))
        {
            var channel = path.Split('/')[4];
            var id = Interlocked.Increment(ref nextId);
            Interlocked.Increment(ref created);
            LastCreatedAt = DateTimeOffset.UtcNow;
            await context.Response.WriteAsync($$"""{"id":"{{id}}","channel_id":"{{channel}}"}""");
            return;
        }

        await context.Response.WriteAsync(context.Request.Method == "PUT" ? "[]" : "{}");
    }
}
