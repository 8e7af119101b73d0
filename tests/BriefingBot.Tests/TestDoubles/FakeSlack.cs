using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using BriefingBot.Tests.Platforms.Slack;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// A Slack on loopback that follows the documented protocol: Web API methods under /api/ (bearer tokens checked,
/// ok:false errors, scripted 429s with Retry-After), response_url and upload targets, and a Socket Mode WebSocket
/// whose sessions a test scripts (hello, envelopes, acks, disconnect reasons).
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake-bot-token";

    /// <summary>The team the bot token belongs to, as <c>auth.test</c> answers.</summary>
    public const string TeamId = "T-FAKE";
    public const string AppToken = "xapp-fake-app-token";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> rateLimited = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> channelErrors = new(StringComparer.Ordinal);
    private readonly Channel<FakeSlackSocketSession> sessions = Channel.CreateUnbounded<FakeSlackSocketSession>();
    private int tickets;
    private int messages;

    private FakeSlack(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>Every request in arrival order: Web API methods by name, <c>response_url</c>, <c>upload</c>.</summary>
    public ConcurrentQueue<FakeSlackCall> Calls { get; } = new();

    /// <summary>How many 429s were answered; Retry-After seconds sent with each.</summary>
    public int RateLimitedCount => Volatile.Read(ref rateLimitedCount);

    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>
    /// On (the default), a message body that fails the closed Block Kit schema (<see cref="SlackSchema"/>) is refused
    /// (<c>invalid_blocks</c> / <c>invalid_arguments</c>, 400 on a response_url) and <see cref="FakeSlackCall.SchemaErrors"/> says why.
    /// </summary>
    public bool StrictSchema { get; set; } = true;

    /// <summary>When true, Socket Mode hello is sent as soon as a client connects.</summary>
    public bool AutoHello { get; set; } = true;

    private int rateLimitedCount;

    public static async Task<FakeSlack> StartAsync(CancellationToken cancellationToken)
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var fake = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.HandleApiAsync);
        app.MapPost("/response/{id}", fake.HandleResponseUrlAsync);
        app.MapPost("/upload/{id}", (string id, HttpContext http) => fake.RecordAsync("upload", http));
        app.Map("/link", fake.HandleSocketAsync);
        await app.StartAsync(cancellationToken);
        fake.BaseUrl = new Uri(LoopbackServer.Address(app) + "/");
        return fake;
    }

    public Uri ResponseUrl(string id) => new(BaseUrl, $"response/{id}");

    /// <summary>The next <paramref name="count"/> calls to <paramref name="method"/> get 429 with Retry-After.</summary>
    public void RateLimit(string method, int count) => rateLimited[method] = count;

    /// <summary>chat.postMessage to <paramref name="channel"/> (a channel or a user id, for a DM) answers ok:false with <paramref name="error"/>.</summary>
    public void FailPostsTo(string channel, string error) => channelErrors[channel] = error;

    public IReadOnlyList<FakeSlackCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    public async Task<FakeSlackSocketSession> NextSessionAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        return await sessions.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Waits until <paramref name="method"/> was called at least <paramref name="count"/> times.</summary>
    public async Task<IReadOnlyList<FakeSlackCall>> WaitForCallsAsync(string method, int count, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var calls = CallsTo(method);
            if (calls.Count >= count)
            {
                return calls;
            }

            await Task.Delay(20, cancellationToken);
        }

        throw new TimeoutException($"Expected {count} call(s) to {method}; got {CallsTo(method).Count}.");
    }

    public async ValueTask DisposeAsync()
    {
        sessions.Writer.TryComplete();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> HandleApiAsync(string method, HttpContext http)
    {
        var call = await RecordAsync(method, http);
        if (rateLimited.TryGetValue(method, out var left) && left > 0 && rateLimited.TryUpdate(method, left - 1, left))
        {
            call.RateLimited = true; // before the count, so a test that sees the count sees every flag
            Interlocked.Increment(ref rateLimitedCount);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var expectedToken = method == "apps.connections.open" ? AppToken : BotToken;
        if (call.Authorization != "Bearer " + expectedToken)
        {
            return Error(call.Authorization is null ? "not_authed" : "invalid_auth");
        }

        if (StrictSchema && method is SlackSchema.PostMessage or SlackSchema.Update or SlackSchema.PostEphemeral
            && SlackSchema.Validate(method, call.Body) is { Count: > 0 } errors)
        {
            call.SchemaErrors = errors;
            return Error(errors.Any(e => e.StartsWith("/blocks", StringComparison.Ordinal)) ? "invalid_blocks" : "invalid_arguments");
        }

        var body = call.Json;
        switch (method)
        {
            case "apps.connections.open":
                var ticket = Interlocked.Increment(ref tickets);
                var ws = new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/link", Query = $"ticket={ticket}" };
                return Ok(new JsonObject { ["url"] = ws.Uri.AbsoluteUri });
            case "chat.postMessage":
                if (body?["channel"]?.GetValue<string>() is not { Length: > 0 } channel)
                {
                    return Error("channel_not_found");
                }

                if (channelErrors.TryGetValue(channel, out var refusal))
                {
                    return Error(refusal);
                }

                if (body["text"] is null || body["blocks"] is not JsonArray { Count: > 0 and <= 50 })
                {
                    return Error("invalid_blocks");
                }

                return Ok(new JsonObject { ["channel"] = channel, ["ts"] = NextTs() });
            case "chat.update":
                return Ok(new JsonObject { ["channel"] = body?["channel"]?.GetValue<string>(), ["ts"] = body?["ts"]?.GetValue<string>() });
            case "chat.postEphemeral":
                return Ok(new JsonObject { ["message_ts"] = NextTs() });
            case "auth.test":
                return Ok(new JsonObject { ["url"] = "https://fake.slack.com/", ["team"] = "Fake", ["user"] = "briefingbot", ["team_id"] = TeamId, ["user_id"] = "UBOT" });
            case "conversations.join":
                return Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = body?["channel"]?.GetValue<string>(), ["is_member"] = true } });
            case "files.getUploadURLExternal":
                return Ok(new JsonObject { ["upload_url"] = new Uri(BaseUrl, "upload/F0001").AbsoluteUri, ["file_id"] = "F0001" });
            case "files.completeUploadExternal":
                return Ok([]);
            default:
                return Error("unknown_method");
        }
    }

    private async Task<IResult> HandleResponseUrlAsync(string id, HttpContext http)
    {
        var call = await RecordAsync("response_url", http, id);
        if (StrictSchema && SlackSchema.Validate(SlackSchema.ResponseUrl, call.Body) is { Count: > 0 } errors)
        {
            call.SchemaErrors = errors;
            return Results.Text("invalid_blocks", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok();
    }

    private async Task<FakeSlackCall> RecordAsync(string method, HttpContext http, string? target = null)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var call = new FakeSlackCall(method, http.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, http.Request.ContentType, body, target);
        Calls.Enqueue(call);
        return call;
    }

    private async Task HandleSocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var session = new FakeSlackSocketSession(socket, http.Request.Query["ticket"].ToString());
        if (AutoHello)
        {
            await session.SendHelloAsync(http.RequestAborted);
        }

        sessions.Writer.TryWrite(session);
        await session.RunAsync(http.RequestAborted);
    }

    private string NextTs() => $"1700000000.{Interlocked.Increment(ref messages):D6}";

    private static IResult Ok(JsonObject body)
    {
        body["ok"] = true;
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static IResult Error(string error) =>
        Results.Text(new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString(), "application/json");
}

public sealed record FakeSlackCall(string Method, string? Authorization, string? ContentType, string Body, string? Target)
{
    /// <summary>The body as JSON when it is JSON; form bodies give null.</summary>
    public JsonNode? Json => Body.StartsWith('{') ? JsonNode.Parse(Body) : null;

    public string? Text => Json?["text"]?.GetValue<string>();

    /// <summary>Why the strict fake refused this body (closed-schema errors); empty when it conformed.</summary>
    public IReadOnlyList<string> SchemaErrors { get; internal set; } = [];

    /// <summary>True when the fake answered this call with a scripted 429.</summary>
    public bool RateLimited { get; internal set; }
}
