using System.Text.RegularExpressions;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Platforms.Slack;

/// <summary>
/// The issue's "Must show", tried as a new user would: the real built worker (<c>dotnet BriefingBot.dll</c>, the README's
/// run command with no verb), configured only through environment variables, its sample articles ingested at start-up
/// into its own SQLite file, talking to the fake Slack on loopback.
/// </summary>
public sealed class SlackProcessEndToEndTests : IAsyncDisposable
{
    private const string SampleTitle = "IAEA report says North Korea likely expanding uranium enrichment at Yongbyon";
    private const string SampleLink = "https://example.com/aljazeera/iaea-report-north-korea-yongbyon-enrichment";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    private readonly BotProcess bot = new();
    private RunningBot? worker;
    private readonly List<HttpClient> clients = [];
    private FakeSlack? slack;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SocketMode_HelpAndArticleSearch_AnsweredOnTheAcknowledgement()
    {
        var (fake, session) = await StartSocketModeAsync();

        await session.SendSlashCommandAsync("env-help", "/help", "", fake.ResponseUrl("r-help").AbsoluteUri, Ct);
        var help = await ReceiveAckAsync(session, "env-help");
        await session.SendSlashCommandAsync("env-search", "/article", "search Pyongyang", fake.ResponseUrl("r-search").AbsoluteUri, Ct);
        var search = await ReceiveAckAsync(session, "env-search");

        var helpText = SlackJsonText.All(help["payload"]!);
        foreach (var usage in new[] { "/help [command]", "/article search &lt;query&gt;", "/article show &lt;id&gt;" })
        {
            Assert.Contains(usage, helpText, StringComparison.Ordinal);
        }

        Assert.Equal("in_channel", search["payload"]!["response_type"]!.GetValue<string>());
        var searchText = SlackJsonText.All(search["payload"]!);
        Assert.Contains("stories matching \"Pyongyang\"", searchText, StringComparison.Ordinal);
        Assert.Contains(SampleTitle, searchText, StringComparison.Ordinal);
        Assert.Contains(SampleLink, searchText, StringComparison.Ordinal);
        Assert.Empty(fake.CallsTo("response_url"));
    }

    [Fact]
    public async Task SocketMode_RefreshRequestedWithCommandsInFlight_EveryCommandAnsweredExactlyOnce()
    {
        var (fake, first) = await StartSocketModeAsync();

        // Slack asks for a refresh. The bot opens the next connection (we hold back its hello, so the switch-over
        // lasts as long as we like) and must keep serving the old one meanwhile: Slack may still deliver there.
        fake.AutoHello = false;
        await first.SendDisconnectAsync("refresh_requested", Ct);
        await first.SendSlashCommandAsync("env-early", "/help", "", fake.ResponseUrl("r-early").AbsoluteUri, Ct);
        var onFirst = new List<JsonNode> { await ReceiveAckAsync(first, "env-early") };
        var second = await fake.NextSessionAsync(Ct);
        await first.SendSlashCommandAsync("env-old", "/article", "search Pyongyang", fake.ResponseUrl("r-old").AbsoluteUri, Ct);
        onFirst.Add(await ReceiveAckAsync(first, "env-old"));
        Assert.False(first.Closed.IsCompleted, "the old connection was closed before the new one said hello");

        await second.SendHelloAsync(Ct);
        await second.SendSlashCommandAsync("env-new", "/help", "", fake.ResponseUrl("r-new").AbsoluteUri, Ct);
        var onSecond = new List<JsonNode> { await ReceiveAckAsync(second, "env-new") };
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(20), Ct);
        onFirst.AddRange(first.DrainReceived());
        await second.SendSlashCommandAsync("env-after", "/help", "", fake.ResponseUrl("r-after").AbsoluteUri, Ct);
        onSecond.Add(await ReceiveAckAsync(second, "env-after"));

        var acks = onFirst.Concat(onSecond).Select(f => f["envelope_id"]?.GetValue<string>()).ToList();
        Assert.Equal(["env-after", "env-early", "env-new", "env-old"], acks.Order());
        var old = onFirst.Single(f => f["envelope_id"]?.GetValue<string>() == "env-old");
        Assert.Contains(SampleTitle, SlackJsonText.All(old["payload"]!), StringComparison.Ordinal);
        Assert.Equal(2, fake.CallsTo("apps.connections.open").Count);
        Assert.NotEqual(first.Ticket, second.Ticket);
        Assert.Empty(fake.CallsTo("response_url"));
        await worker!.WaitForErrorAsync(new Regex(Regex.Escape("Slack Socket Mode connection 2 ready")));
    }

    [Fact]
    public async Task SocketMode_RateLimitStormOnPostMessage_DelaysRepliesButLosesNone()
    {
        const int Mentions = 3;
        const int Storm = 4;
        var (fake, session) = await StartSocketModeAsync();
        fake.RateLimit("chat.postMessage", Storm);

        var started = DateTime.UtcNow;
        for (var i = 1; i <= Mentions; i++)
        {
            var mention = new JsonObject
            {
                ["type"] = "event_callback",
                ["event_id"] = $"Ev{i}",
                ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U2", ["text"] = "<@UBOT> hi", ["channel"] = $"C{i}", ["ts"] = $"{i}.0" },
            };
            await session.SendEnvelopeAsync("events_api", $"env-{i}", mention, acceptsResponsePayload: false, Ct);
            await ReceiveAckAsync(session, $"env-{i}");
        }

        IReadOnlyList<FakeSlackCall> Delivered() => [.. fake.CallsTo("chat.postMessage").Where(c => !c.RateLimited)];
        await WaitUntilAsync(() => fake.RateLimitedCount == Storm && Delivered().Count >= Mentions, TimeSpan.FromSeconds(60));
        var elapsed = DateTime.UtcNow - started;

        // Every 429 carried Retry-After: 1 s, so the replies were delayed; still each channel got its reply, once.
        var delivered = Delivered();
        Assert.Equal(["C1", "C2", "C3"], delivered.Select(c => c.Json!["channel"]!.GetValue<string>()).Order());
        Assert.All(delivered, c => Assert.Contains(SlackEventHandler.MentionAnswer, c.Text, StringComparison.Ordinal));
        Assert.Equal(Mentions + Storm, fake.CallsTo("chat.postMessage").Count);
        Assert.True(elapsed >= TimeSpan.FromSeconds(fake.RetryAfterSeconds), $"the storm delayed nothing ({elapsed})");
    }

    [Fact]
    public async Task HttpMode_SignedHelpAndArticleSearch_Answered200WithTheirText()
    {
        var (fake, client) = await StartHttpModeAsync();

        using var help = await PostSignedAsync(client, "/slack/commands", CommandBody(fake, "/help", ""), Form);
        using var search = await PostSignedAsync(client, "/slack/commands", CommandBody(fake, "/article", "search Pyongyang"), Form);

        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        var helpText = SlackJsonText.All(JsonNode.Parse(await help.Content.ReadAsStringAsync(Ct))!);
        Assert.Contains("/help [command]", helpText, StringComparison.Ordinal);
        Assert.Contains("/article search &lt;query&gt;", helpText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var searchText = SlackJsonText.All(JsonNode.Parse(await search.Content.ReadAsStringAsync(Ct))!);
        Assert.Contains("stories matching \"Pyongyang\"", searchText, StringComparison.Ordinal);
        Assert.Contains(SampleTitle, searchText, StringComparison.Ordinal);
        Assert.Empty(fake.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task HttpMode_BadMissingOrStaleSignature_Refused401()
    {
        var (fake, client) = await StartHttpModeAsync();
        var body = CommandBody(fake, "/help", "");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var statuses = new Dictionary<string, HttpStatusCode>
        {
            ["wrong secret"] = await StatusAsync(PostSignedAsync(client, "/slack/commands", body, Form, secret: "not-the-secret")),
            ["stale (6 min old)"] = await StatusAsync(PostSignedAsync(client, "/slack/commands", body, Form, timestamp: now - 360)),
            ["future (6 min ahead)"] = await StatusAsync(PostSignedAsync(client, "/slack/commands", body, Form, timestamp: now + 360)),
            ["body changed after signing"] = await StatusAsync(PostSignedAsync(client, "/slack/commands", body, Form, sendBody: body.Replace("help", "hel", StringComparison.Ordinal))),
            ["no signature headers"] = await StatusAsync(client.PostAsync("/slack/commands", new StringContent(body, Encoding.UTF8, Form), Ct)),
            ["events, wrong secret"] = await StatusAsync(PostSignedAsync(client, "/slack/events", """{"type":"url_verification","challenge":"c"}""", Json, secret: "x")),
            ["interactivity, stale"] = await StatusAsync(PostSignedAsync(client, "/slack/interactivity", "payload=%7B%7D", Form, timestamp: now - 3600)),
        };

        Assert.All(statuses, s => Assert.True(s.Value == HttpStatusCode.Unauthorized, $"{s.Key}: {(int)s.Value}"));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task HttpMode_SignedMalformedBodies_Answered400NeverServerError()
    {
        var (_, client) = await StartHttpModeAsync();

        var statuses = new Dictionary<string, HttpStatusCode>
        {
            ["commands, empty"] = await StatusAsync(PostSignedAsync(client, "/slack/commands", "", Form)),
            ["commands, not a form"] = await StatusAsync(PostSignedAsync(client, "/slack/commands", "{\"command\":\"/help\"}", Json)),
            ["commands, no user"] = await StatusAsync(PostSignedAsync(client, "/slack/commands", "command=%2Fhelp&channel_id=C1", Form)),
            ["commands, broken escapes"] = await StatusAsync(PostSignedAsync(client, "/slack/commands", "%%%&=&==%zz", Form)),
            ["interactivity, no payload"] = await StatusAsync(PostSignedAsync(client, "/slack/interactivity", "foo=bar", Form)),
            ["interactivity, payload not JSON"] = await StatusAsync(PostSignedAsync(client, "/slack/interactivity", "payload=%7Bnope", Form)),
            ["events, not JSON"] = await StatusAsync(PostSignedAsync(client, "/slack/events", "<xml/>", Json)),
            ["events, wrong types"] = await StatusAsync(PostSignedAsync(client, "/slack/events", """{"type":5,"event_id":[]}""", Json)),
            ["events, verification without challenge"] = await StatusAsync(PostSignedAsync(client, "/slack/events", """{"type":"url_verification"}""", Json)),
        };

        Assert.All(statuses, s => Assert.True(s.Value == HttpStatusCode.BadRequest, $"{s.Key}: {(int)s.Value}"));

        // Still healthy afterwards.
        using var help = await PostSignedAsync(client, "/slack/commands", CommandBody(null, "/help", ""), Form);
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        bot.Dispose();
        if (slack is not null)
        {
            await slack.DisposeAsync();
        }
    }

    private async Task<FakeSlack> StartWorkerAsync(string? mode)
    {
        slack = await FakeSlack.StartAsync(Ct);
        bot.Environment["BriefingBot__Urls"] = "http://127.0.0.1:0";
        bot.Environment["BriefingBot__Slack__BotToken"] = FakeSlack.BotToken;
        bot.Environment["BriefingBot__Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri;
        if (mode is null)
        {
            bot.Environment["BriefingBot__Slack__AppToken"] = FakeSlack.AppToken;
        }
        else
        {
            bot.Environment["BriefingBot__Slack__Mode"] = mode;
            bot.Environment["BriefingBot__Slack__SigningSecret"] = SlackTestHost.SigningSecret;
        }

        worker = bot.Start();
        return slack;
    }

    /// <summary>Socket Mode is the default: no Mode variable, just the two tokens.</summary>
    private async Task<(FakeSlack Slack, FakeSlackSocketSession Session)> StartSocketModeAsync()
    {
        var fake = await StartWorkerAsync(mode: null);
        await worker!.WaitForErrorAsync(new Regex(Regex.Escape("Slack Socket Mode connection 1 ready")));
        var session = await fake.NextSessionAsync(Ct);
        Assert.Contains("Samples from", worker!.Error, StringComparison.Ordinal);
        return (fake, session);
    }

    private async Task<(FakeSlack Slack, HttpClient Client)> StartHttpModeAsync()
    {
        var fake = await StartWorkerAsync("Http");
        var client = new HttpClient { BaseAddress = await worker!.WaitForListeningAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
        clients.Add(client);
        Assert.Equal("127.0.0.1", client.BaseAddress.Host); // BriefingBot__Urls, not appsettings' localhost:5080
        Assert.NotEqual(5080, client.BaseAddress.Port);
        return (fake, client);
    }

    private static async Task<JsonNode> ReceiveAckAsync(FakeSlackSocketSession session, string envelopeId)
    {
        var frame = await session.ReceiveAsync(Ct, TimeSpan.FromSeconds(10));
        Assert.Equal(envelopeId, frame["envelope_id"]?.GetValue<string>());
        return frame;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {timeout}");
            await Task.Delay(25, Ct);
        }
    }

    private static string CommandBody(FakeSlack? fake, string command, string text) =>
        $"token=x&team_id=T1&channel_id=C1&user_id=U1&user_name=rainer&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}"
        + $"&response_url={Uri.EscapeDataString((fake?.ResponseUrl("r1") ?? new Uri("http://127.0.0.1:9/response/r1")).AbsoluteUri)}&trigger_id=1.2.3";

    private static async Task<HttpResponseMessage> PostSignedAsync(
        HttpClient client, string path, string body, string contentType, string secret = SlackTestHost.SigningSecret, long? timestamp = null, string? sendBody = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(sendBody ?? body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackTestHost.Sign(secret, ts, body));
        return await client.SendAsync(request, Ct);
    }

    private static async Task<HttpStatusCode> StatusAsync(Task<HttpResponseMessage> send)
    {
        using var response = await send;
        return response.StatusCode;
    }
}
