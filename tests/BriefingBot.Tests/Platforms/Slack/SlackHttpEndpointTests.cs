using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Chat.Components;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.Chat.Commands;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Platforms.Slack;

public sealed class SlackHttpEndpointTests
{
    private const string Form = "application/x-www-form-urlencoded";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Commands_SignedHelp_AnsweredInlineAndEphemeralWithinDeadline()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);
        var watch = Stopwatch.StartNew();

        using var response = await bot.PostSignedAsync("/slack/commands", CommandBody("/help", "", slack), Form, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < SlackLimits.AcknowledgeDeadline, $"took {watch.Elapsed}");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
        Assert.Contains("/help [command]", json["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_ArticleSearchText_ReachesTheCommandAsTypedWithSlackContext()
    {
        var search = new FakeCommand("article search", new CommandOption("query", "Words", Required: true));
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, s => s.AddSingleton<ICommand>(search));

        using var response = await bot.PostSignedAsync("/slack/commands", CommandBody("/article", "search North Korea", slack, user: "UADMIN"), Form, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = search.LastInvocation!;
        Assert.Equal("North Korea", invocation.Options.GetString("query"));
        Assert.Equal(new CommandContext("slack", "C1", "UADMIN", "rainer", IsAdmin: true, IsOperator: false, "T1"), invocation.Context);
        Assert.Equal("in_channel", JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["response_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commands_UserNotInAdminList_IsNotAdmin()
    {
        var search = new FakeCommand("article search", new CommandOption("query", "Words", Required: true));
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, s => s.AddSingleton<ICommand>(search));

        using var response = await bot.PostSignedAsync("/slack/commands", CommandBody("/article", "search x", slack, user: "U2"), Form, Ct);

        Assert.False(search.LastInvocation!.Context.IsAdmin);
    }

    [Fact]
    public async Task Commands_SlowCommand_AcknowledgedEmptyThenAnsweredThroughResponseUrl()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, s => s.AddCommand<SlowCommand>(), TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        using var response = await bot.PostSignedAsync("/slack/commands", CommandBody("/slow", "", slack), Form, Ct);
        var acknowledgedAfter = watch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Ct));
        Assert.True(acknowledgedAfter < SlowCommand.Delay, $"acknowledged after {acknowledgedAfter}");
        var answer = Assert.Single(await slack.WaitForCallsAsync("response_url", 1, Ct));
        Assert.Equal("r1", answer.Target);
        Assert.Equal("slow answer done", answer.Text);
        Assert.Equal("in_channel", answer.Json!["response_type"]!.GetValue<string>());
        Assert.Empty(slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Commands_AnswerLongerThanOneMessage_RestFollowsThroughResponseUrl()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, s => s.AddCommand<LongCommand>());

        using var response = await bot.PostSignedAsync("/slack/commands", CommandBody("/long", "", slack), Form, Ct);

        var inline = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(SlackLimits.BlocksPerMessage, inline["blocks"]!.AsArray().Count);
        var rest = Assert.Single(await slack.WaitForCallsAsync("response_url", 1, Ct));
        Assert.Equal(11, rest.Json!["blocks"]!.AsArray().Count);
        Assert.Equal("Many sections (part 2 of 2)", rest.Text);
    }

    [Fact]
    public async Task Commands_UnknownCommand_EphemeralErrorInline()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);

        using var response = await bot.PostSignedAsync("/slack/commands", CommandBody("/nope", "x", slack), Form, Ct);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
        Assert.Contains("Unknown command /nope", json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Paths => ["/slack/commands", "/slack/interactivity", "/slack/events"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Post_WrongSecret_Unauthorized(string path)
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);

        using var response = await bot.PostSignedAsync(path, CommandBody("/help", "", slack), Form, Ct, secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(330)] // not 301: a request that takes a second under load would land inside the window
    [InlineData(-86400)]
    public async Task Post_StaleOrFutureTimestamp_Unauthorized(int offsetSeconds)
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);

        using var response = await bot.PostSignedAsync(
            "/slack/commands", CommandBody("/help", "", slack), Form, Ct, timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds() + offsetSeconds);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Post_NoSignatureHeaders_Unauthorized(string path)
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);

        using var response = await bot.Client.PostAsync(path, new StringContent("command=%2Fhelp"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/slack/commands", "")]
    [InlineData("/slack/commands", "text=only")]
    [InlineData("/slack/commands", "%%%%&&&===")]
    [InlineData("/slack/interactivity", "")]
    [InlineData("/slack/interactivity", "payload=not-json")]
    [InlineData("/slack/interactivity", "payload=%5B1%2C2%5D")]
    [InlineData("/slack/events", "")]
    [InlineData("/slack/events", "{\"type\":")]
    [InlineData("/slack/events", "[]")]
    [InlineData("/slack/events", "{\"type\":\"url_verification\"}")]
    [InlineData("/slack/events", "\u0000\u0001binary")]
    public async Task Post_SignedMalformedBody_BadRequestNever5xx(string path, string body)
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);

        using var response = await bot.PostSignedAsync(path, body, path.EndsWith("events", StringComparison.Ordinal) ? "application/json" : Form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Events_UrlVerification_EchoesChallenge()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);

        using var response = await bot.PostSignedAsync(
            "/slack/events", """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_SameEventIdRetried_HandledOnce()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);
        var body = """{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1","text":"<@UBOT> hi","channel":"C1","ts":"1.1"}}""";

        using var first = await bot.PostSignedAsync("/slack/events", body, "application/json", Ct);
        using var retry = await bot.PostSignedAsync("/slack/events", body, "application/json", Ct);
        using var other = await bot.PostSignedAsync("/slack/events", body.Replace("Ev1", "Ev2", StringComparison.Ordinal), "application/json", Ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [first.StatusCode, retry.StatusCode, other.StatusCode]);
        var posts = await slack.WaitForCallsAsync("chat.postMessage", 2, Ct);
        await Task.Delay(300, Ct);
        Assert.Equal(2, slack.CallsTo("chat.postMessage").Count);
        Assert.Equal(SlackEventHandler.MentionAnswer, posts[0].Text);
        Assert.Equal("1.1", posts[0].Json!["thread_ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Interactivity_UnknownButton_AnswersNoLongerActiveEphemerally()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);

        using var response = await bot.PostSignedAsync("/slack/interactivity", ButtonBody("gone:1", slack), Form, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Assert.Single(await slack.WaitForCallsAsync("response_url", 1, Ct));
        Assert.Equal(ComponentRouter.Expired.Text, answer.Text);
        Assert.Equal("ephemeral", answer.Json!["response_type"]!.GetValue<string>());
        Assert.False(answer.Json!["replace_original"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Interactivity_ButtonWithKnownPrefix_RoutedToItsHandler()
    {
        var handler = new RecordingHandler("poll");
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, s => s.AddSingleton<IComponentHandler>(handler));

        using var response = await bot.PostSignedAsync("/slack/interactivity", ButtonBody("poll:vote:42:likely", slack), Form, Ct);

        var answer = Assert.Single(await slack.WaitForCallsAsync("response_url", 1, Ct));
        Assert.Equal("Vote recorded", answer.Text);
        var invocation = Assert.Single(handler.Invocations);
        Assert.Equal("poll:vote:42:likely", invocation.CustomId);
        Assert.Equal(new CommandContext("slack", "C1", "U1", "rainer", IsAdmin: false, IsOperator: false, "T1"), invocation.Context);
    }

    internal static string CommandBody(string command, string text, FakeSlack slack, string user = "U1") =>
        $"token=x&team_id=T1&channel_id=C1&channel_name=general&user_id={user}&user_name=rainer&command={Uri.EscapeDataString(command)}"
        + $"&text={Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal)}&response_url={Uri.EscapeDataString(slack.ResponseUrl("r1").AbsoluteUri)}&trigger_id=1.2.3";

    private static string ButtonBody(string actionId, FakeSlack slack)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "example" },
            ["user"] = new JsonObject { ["id"] = "U1", ["username"] = "rainer" },
            ["channel"] = new JsonObject { ["id"] = "C1" },
            ["response_url"] = slack.ResponseUrl("a1").AbsoluteUri,
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["value"] = actionId, ["type"] = "button", ["block_id"] = "b" }),
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    private sealed class RecordingHandler(string prefix) : IComponentHandler
    {
        public List<ComponentRequest> Invocations { get; } = [];

        public string Prefix => prefix;

        public ValueTask<ChatReply> HandleAsync(ComponentRequest invocation, CancellationToken cancellationToken)
        {
            Invocations.Add(invocation);
            return ValueTask.FromResult(ChatReply.Private("Vote recorded"));
        }
    }
}
