using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Benchmarks;

/// <summary>
/// Discord's REST API (<c>/api/v10/</c>) and Slack's Web API, upload URLs and response URLs (<c>/slack/</c>) on loopback,
/// answering at once with the smallest bodies the clients accept, so the worker's follow-up work (chart uploads,
/// deferred edits) is real HTTP and is counted, without a remote server's latency.
/// </summary>
internal sealed class FakePlatformApis : IAsyncDisposable
{
    private readonly WebApplication app;
    private long requests;
    private string root = string.Empty;

    private FakePlatformApis(WebApplication app) => this.app = app;

    public Uri DiscordApiBase { get; private set; } = null!;

    public Uri SlackApiBase { get; private set; } = null!;

    public Uri SlackResponseUrl { get; private set; } = null!;

    /// <summary>Every request answered so far.</summary>
    public long Requests => Interlocked.Read(ref requests);

    public static async Task<FakePlatformApis> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePlatformApis(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var root = fake.root = app.Urls.First();
        fake.DiscordApiBase = new Uri(root + "/api/v10/");
        fake.SlackApiBase = new Uri(root + "/slack/api/");
        fake.SlackResponseUrl = new Uri(root + "/slack/response");
        return fake;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>Waits until no request has arrived for half a second (at most a minute): the worker's follow-up work is done.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        long before;
        do
        {
            before = Requests;
            await Task.Delay(500, cancellationToken);
        }
        while (Requests != before && DateTime.UtcNow < deadline);
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        var path = context.Request.Path.Value ?? string.Empty;
        var buffer = new byte[16 * 1024];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
        {
        }

        context.Response.ContentType = "application/json";
        var body = path switch
        {
            _ when path.StartsWith("/api/v10/applications/", StringComparison.Ordinal) => "[]",
            _ when path.StartsWith("/api/v10/", StringComparison.Ordinal) => """{"id":"1000000000000000001","channel_id":"222222222222222222"}""",
            "/slack/api/files.getUploadURLExternal" => $$"""{"ok":true,"upload_url":"{{root}}/slack/upload/F1","file_id":"F1"}""",
            "/slack/api/chat.postMessage" => """{"ok":true,"channel":"C1","ts":"1700000000.000001"}""",
            "/slack/api/chat.postEphemeral" => """{"ok":true,"message_ts":"1700000000.000001"}""",
            _ when path.StartsWith("/slack/", StringComparison.Ordinal) => """{"ok":true}""",
            _ => null,
        };
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await context.Response.WriteAsync(body, context.RequestAborted);
    }
}
