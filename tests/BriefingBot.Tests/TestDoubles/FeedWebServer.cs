using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// Real HTTP on 127.0.0.1 (a free port) whose answers each test programs: <see cref="Route"/> a path to a handler. Every
/// request is recorded with its headers, so tests can check conditional GETs, the User-Agent and one-at-a-time per host.
/// </summary>
public sealed class FeedWebServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> routes = new(StringComparer.OrdinalIgnoreCase);
    private int inFlight;
    private int maxInFlight;

    private FeedWebServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<FeedRequest> Requests { get; } = new();

    /// <summary>The most requests this server was answering at the same moment.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref maxInFlight);

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery.TrimStart('/'));

    public IEnumerable<FeedRequest> RequestsTo(string path) => Requests.Where(r => string.Equals(r.Path, "/" + path.TrimStart('/'), StringComparison.OrdinalIgnoreCase));

    public static async Task<FeedWebServer> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var server = new FeedWebServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseUrl = new Uri(LoopbackServer.Address(app) + "/");
        return server;
    }

    public void Route(string path, Func<HttpContext, Task> handler) => routes["/" + path.TrimStart('/')] = handler;

    /// <summary>A fixed body with a content type (charset included when given).</summary>
    public void Content(string path, string contentType, byte[] body, Action<HttpContext>? headers = null) =>
        Route(path, async context =>
        {
            headers?.Invoke(context);
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });

    public void Content(string path, string contentType, string body, Action<HttpContext>? headers = null) =>
        Content(path, contentType, Encoding.UTF8.GetBytes(body), headers);

    public void Status(string path, int status) => Route(path, context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        Requests.Enqueue(new FeedRequest(
            request.Path.Value ?? "/",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            if (routes.TryGetValue(request.Path.Value ?? "/", out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}

public sealed record FeedRequest(string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
