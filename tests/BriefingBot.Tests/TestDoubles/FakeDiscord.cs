using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// Discord on loopback: the REST routes the bot uses (under <c>/api/v10</c>) and a gateway WebSocket
/// (<c>/gateway</c>, resume URL <c>/resume</c>) driven by scripts. Records every request; can answer with bucket
/// headers and scripted 429s (bucket or global).
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly List<RateLimitRule> rateLimits = [];
    private readonly List<FailureRule> failures = [];
    private readonly ConcurrentDictionary<string, BucketWindow> buckets = new();
    private readonly ConcurrentDictionary<string, string> messageByNonce = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CreatedMessage> created = new();
    private readonly ConcurrentDictionary<string, string> dmChannels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> refusedDmUsers = new(StringComparer.Ordinal);
    private long nextId = 900_000_000_000_000_000;

    private FakeDiscord(WebApplication app)
    {
        this.app = app;
        Gateway = new FakeDiscordGateway(this);
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The server every non-DM channel is in, as <c>GET /channels/{id}</c> answers.</summary>
    public const string GuildId = "G-FAKE";

    public Uri ApiBase => new(BaseUrl, "/api/v10");

    public Uri GatewayUrl => new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/gateway" }.Uri;

    public Uri ResumeUrl => new UriBuilder(BaseUrl) { Scheme = "ws", Path = "/resume" }.Uri;

    public FakeDiscordGateway Gateway { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public int MaxConcurrency { get; set; } = 1;

    /// <summary>How long a channel message post is held after the message is created and before the answer (a slow Discord).</summary>
    public TimeSpan MessageDelay { get; set; }

    /// <summary>Messages created in channels, once each: a repeat with an enforced nonce returns the first (as Discord does).</summary>
    public IReadOnlyList<CreatedMessage> CreatedMessages => [.. created];

    /// <summary>When set, every REST call is answered 401 as for a reset token.</summary>
    public bool RejectToken { get; set; }

    /// <summary>
    /// On (the default), a JSON body with a field the OpenAPI spec does not list is answered 400 50035 "Invalid Form
    /// Body", as a server that validates strictly does; <see cref="RecordedRequest.UndocumentedFields"/> names them.
    /// </summary>
    public bool StrictSchema { get; set; } = true;

    /// <summary>How many 429s were sent (a well-behaved client with bucket headers causes none).</summary>
    public int TooManyRequestsSent => requests.Count(r => r.Status == 429);

    public static async Task<FakeDiscord> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = new Uri(LoopbackServer.Address(app));
        return fake;
    }

    /// <summary>DMs to this user fail as Discord fails them when the user closed DMs: the channel opens, the post gets 403, code 50007.</summary>
    public void RefuseDirectMessages(string userId) => refusedDmUsers[userId] = true;

    /// <summary>The DM channel opened for <paramref name="userId"/>, or null when none was.</summary>
    public string? DmChannelOf(string userId) => dmChannels.GetValueOrDefault(userId);

    /// <summary>The next <paramref name="count"/> requests whose path contains <paramref name="pathPart"/> get a 429.</summary>
    public void RateLimitNext(string pathPart, int count, double retryAfterSeconds, bool global)
    {
        lock (rateLimits)
        {
            rateLimits.Add(new RateLimitRule(pathPart, count, retryAfterSeconds, global));
        }
    }

    /// <summary>The next <paramref name="count"/> requests whose path contains <paramref name="pathPart"/> are answered <paramref name="status"/>.</summary>
    public void FailNext(string pathPart, int status, int count = 1)
    {
        lock (failures)
        {
            failures.Add(new FailureRule(pathPart, status, count));
        }
    }

    /// <summary>Requests whose path contains <paramref name="pathPart"/> share a bucket of <paramref name="limit"/> per window, announced in headers.</summary>
    public void SetBucket(string pathPart, int limit, TimeSpan window) => buckets[pathPart] = new BucketWindow(limit, window);

    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The fake Discord did not receive the expected request. Received: "
            + string.Join(", ", requests.Select(r => $"{r.Method} {r.Path} {r.Status}")));
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.AbortAll();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    internal string NextId() => Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (context.WebSockets.IsWebSocketRequest && path is "/gateway" or "/resume")
        {
            await Gateway.AcceptAsync(context);
            return;
        }

        var recorded = await RecordAsync(context);
        var (status, body) = Answer(context, recorded);
        recorded.Status = status;
        requests.Enqueue(recorded);
        if (MessageDelay > TimeSpan.Zero && IsChannelPost(recorded))
        {
            await Task.Delay(MessageDelay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        }
    }

    private (int Status, string? Body) Answer(HttpContext context, RecordedRequest request)
    {
        if (RejectToken)
        {
            return (401, """{"message":"401: Unauthorized","code":0}""");
        }

        lock (failures)
        {
            if (failures.FirstOrDefault(f => f.Remaining > 0 && request.Path.Contains(f.PathPart, StringComparison.Ordinal)) is { } failure)
            {
                failure.Remaining--;
                return (failure.Status, $$"""{"message":"scripted failure","code":{{(failure.Status == 404 ? 10003 : 0)}}}""");
            }
        }

        if (StrictSchema && UndocumentedFields(request) is { Count: > 0 } unknown)
        {
            request.UndocumentedFields = unknown;
            var errors = string.Join(",", unknown.Select(p => $"\"{JsonEncodedText.Encode(p)}\":{{\"_errors\":[{{\"code\":\"UNKNOWN_FIELD\",\"message\":\"Unknown field\"}}]}}"));
            return (400, """{"code":50035,"message":"Invalid Form Body","errors":{""" + errors + "}}");
        }

        lock (rateLimits)
        {
            var rule = rateLimits.FirstOrDefault(r => r.Remaining > 0 && request.Path.Contains(r.PathPart, StringComparison.Ordinal));
            if (rule is not null)
            {
                rule.Remaining--;
                var headers = context.Response.Headers;
                headers["Retry-After"] = Math.Ceiling(rule.RetryAfter).ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Scope"] = rule.Global ? "global" : "user";
                if (rule.Global)
                {
                    headers["X-RateLimit-Global"] = "true";
                }

                var retry = rule.RetryAfter.ToString(CultureInfo.InvariantCulture);
                return (429, $$"""{"message":"You are being rate limited.","retry_after":{{retry}},"global":{{(rule.Global ? "true" : "false")}}}""");
            }
        }

        foreach (var (part, bucket) in buckets)
        {
            if (request.Path.Contains(part, StringComparison.Ordinal) && !bucket.Take(context.Response.Headers))
            {
                return (429, """{"message":"You are being rate limited.","retry_after":0.5,"global":false}""");
            }
        }

        var api = request.Path.StartsWith("/api/v10/", StringComparison.Ordinal) ? request.Path["/api/v10".Length..] : null;
        return (request.Method, api) switch
        {
            (_, null) => (404, null),
            ("GET", _) when api.StartsWith("/channels/", StringComparison.Ordinal) => (200, $$"""{"id":"{{ChannelOf(api)}}","type":0,"guild_id":"{{GuildId}}"}"""),
            ("GET", "/gateway/bot") => (200, $$"""{"url":"{{GatewayUrl.ToString().TrimEnd('/')}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":{{MaxConcurrency}} } }"""),
            ("PUT", _) when api.EndsWith("/commands", StringComparison.Ordinal) => (200, request.Body),
            ("POST", _) when api.EndsWith("/callback", StringComparison.Ordinal) => (204, null),
            ("DELETE", _) => (204, null),
            ("POST", "/users/@me/channels") => (200, $$"""{"id":"{{OpenDm(request.Body)}}","type":1}"""),
            ("POST", _) when IsChannelPost(request) && IsRefusedDm(ChannelOf(api)) => (403, """{"message":"Cannot send messages to this user","code":50007}"""),
            ("POST", _) when api.EndsWith("/threads", StringComparison.Ordinal) => (201, $$"""{"id":"{{NextId()}}","type":11}"""),
            ("POST", _) when IsChannelPost(request) => (200, $$"""{"id":"{{CreateMessage(ChannelOf(api), request.Body)}}","channel_id":"{{ChannelOf(api)}}"}"""),
            ("POST" or "PATCH", _) when api.StartsWith("/webhooks/", StringComparison.Ordinal) || api.StartsWith("/channels/", StringComparison.Ordinal) =>
                (200, $$"""{"id":"{{NextId()}}","channel_id":"{{ChannelOf(api)}}"}"""),
            _ => (404, """{"message":"404: Not Found","code":0}"""),
        };
    }

    /// <summary>One DM channel per user, as Discord keeps one.</summary>
    private string OpenDm(string body)
    {
        using var json = JsonDocument.Parse(body);
        var user = json.RootElement.TryGetProperty("recipient_id", out var r) ? r.GetString() ?? "" : "";
        return dmChannels.GetOrAdd(user, _ => NextId());
    }

    private bool IsRefusedDm(string channel) => dmChannels.Any(d => d.Value == channel && refusedDmUsers.ContainsKey(d.Key));

    private static IReadOnlyList<string> UndocumentedFields(RecordedRequest request)
    {
        if (request.Method is not ("POST" or "PATCH" or "PUT") || !request.Path.StartsWith("/api/v10/", StringComparison.Ordinal)
            || !request.Body.TrimStart().StartsWith('{'))
        {
            return [];
        }

        var apiPath = request.Path.Split('?')[0]["/api/v10".Length..];
        if (!Platforms.Discord.DiscordSchema.Knows(apiPath))
        {
            return [];
        }

        using var json = JsonDocument.Parse(request.Body);
        return Platforms.Discord.DiscordSchema.UnknownProperties(request.Method, apiPath, json.RootElement);
    }

    private static bool IsChannelPost(RecordedRequest request) =>
        request.Method == "POST" && request.Path.StartsWith("/api/v10/channels/", StringComparison.Ordinal) && request.Path.EndsWith("/messages", StringComparison.Ordinal);

    /// <summary>Creates the message, unless its enforced nonce was seen: then the first message's id, and nothing new.</summary>
    private string CreateMessage(string channel, string body)
    {
        string? nonce = null;
        var enforce = false;
        if (body.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(body);
            nonce = json.RootElement.TryGetProperty("nonce", out var n) ? n.GetString() : null;
            enforce = json.RootElement.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
        }

        if (nonce is not null && enforce)
        {
            var id = NextId();
            var winner = messageByNonce.GetOrAdd(channel + "/" + nonce, id);
            if (winner != id)
            {
                return winner;
            }

            created.Enqueue(new CreatedMessage(id, channel, nonce, body));
            return id;
        }

        var plain = NextId();
        created.Enqueue(new CreatedMessage(plain, channel, nonce, body));
        return plain;
    }

    private static string ChannelOf(string api) => api.StartsWith("/channels/", StringComparison.Ordinal) ? api.Split('/')[2] : "0";

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        var files = new List<string>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            body = form["payload_json"].ToString();
            files.AddRange(form.Files.Select(f => $"{f.Name}={f.FileName}"));
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        return new RecordedRequest(
            request.Method,
            request.Path.Value + request.QueryString.Value,
            request.Headers.Authorization.ToString(),
            request.Headers.UserAgent.ToString(),
            request.ContentType,
            body,
            files,
            DateTimeOffset.UtcNow);
    }

    private sealed class FailureRule(string pathPart, int status, int count)
    {
        public string PathPart { get; } = pathPart;

        public int Status { get; } = status;

        public int Remaining { get; set; } = count;
    }

    private sealed class RateLimitRule(string pathPart, int count, double retryAfter, bool global)
    {
        public string PathPart { get; } = pathPart;

        public int Remaining { get; set; } = count;

        public double RetryAfter { get; } = retryAfter;

        public bool Global { get; } = global;
    }

    private sealed class BucketWindow(int limit, TimeSpan window)
    {
        private DateTimeOffset start = DateTimeOffset.MinValue;
        private int used;

        public bool Take(IHeaderDictionary headers)
        {
            lock (this)
            {
                var now = DateTimeOffset.UtcNow;
                if (now - start >= window)
                {
                    start = now;
                    used = 0;
                }

                used++;
                var resetAfter = Math.Ceiling((start + window - now).TotalMilliseconds) / 1000;
                headers["X-RateLimit-Bucket"] = "fakebucket";
                headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
                return used <= limit;
            }
        }
    }
}

public sealed record CreatedMessage(string Id, string ChannelId, string? Nonce, string Body);

public sealed record RecordedRequest(
    string Method,
    string Path,
    string Authorization,
    string UserAgent,
    string? ContentType,
    string Body,
    IReadOnlyList<string> Files,
    DateTimeOffset At)
{
    public int Status { get; set; }

    /// <summary>The fields the strict fake refused (instance paths), empty when the body was documented.</summary>
    public IReadOnlyList<string> UndocumentedFields { get; set; } = [];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
