using System.Text.Json.Nodes;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Slack;
using BriefingBot.Polls;
using BriefingBot.Storage;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Polls;

/// <summary>Polls over Slack's signed HTTP endpoints, against the fake Slack API.</summary>
public sealed class PollSlackTests : IDisposable
{
    private const string Form = "application/x-www-form-urlencoded";
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ButtonVotes_SignedInteractivity_PrivateAcksCountOnlyUpdatesAndChartOnClose()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, services =>
        {
            services.AddStorage();
            services.PostConfigure<StorageOptions>(o => o.SqlitePath = Path.Combine(folder.Path, "bot.db"));
            services.AddPolls(BotMode.Worker);
            services.PostConfigure<PollsOptions>(o => o.CountUpdateDelay = TimeSpan.FromMilliseconds(200));
        });

        await CommandAsync(bot, slack, "create question:\"Will the port reopen?\" closes:\"in 2 days\" resolves:\"in 5 days\"", "Poll #1 is posted");

        var poll = Assert.Single(await slack.WaitForCallsAsync("chat.postMessage", 1, Ct));
        var actions = poll.Json!["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!["action_id"]!.GetValue<string>()).ToList();
        Assert.Equal(ProbabilityBand.Ids.Select(id => $"poll:vote:1:{id}"), actions);

        await PressAsync(bot, slack, "poll:vote:1:very-likely", "U2", "a1");
        var ack = await AnswerAsync(slack, "a1");
        Assert.Equal("ephemeral", ack.Json!["response_type"]!.GetValue<string>());
        Assert.StartsWith("Your vote on poll #1: Very likely (80-95 %), counted as 87.5 %", ack.Text, StringComparison.Ordinal);

        var update = Assert.Single(await slack.WaitForCallsAsync("chat.update", 1, Ct));
        Assert.Equal(poll.Json!["channel"]!.GetValue<string>(), update.Json!["channel"]!.GetValue<string>());
        Assert.Contains("1 vote so far", update.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("87.5", update.Body, StringComparison.Ordinal);

        await CommandAsync(bot, slack, "close id:1", "Poll #1 is closed");

        await slack.WaitForCallsAsync("files.completeUploadExternal", 1, Ct);
        var result = (await slack.WaitForCallsAsync("chat.postMessage", 2, Ct))[1];
        Assert.Contains("Result of poll #1", result.Text, StringComparison.Ordinal);
        Assert.Contains("87.5 %", result.Body, StringComparison.Ordinal);

        await PressAsync(bot, slack, "poll:vote:1:likely", "U3", "a2");
        var late = await AnswerAsync(slack, "a2");
        Assert.StartsWith("This poll closed at", late.Text, StringComparison.Ordinal);
        Assert.Equal(1, await bot.Services.GetRequiredService<IPollStore>().CountVotesAsync(1, Ct));
    }

    [Fact]
    public async Task ReplyInThreadAsync_Slack_PostsUnderTheParentTs()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct);
        var platform = bot.Services.GetRequiredService<BriefingBot.Chat.IChatPlatform>();
        var parent = new BriefingBot.Chat.MessageRef("slack", "C1", "1700000000.000001");

        await platform.ReplyInThreadAsync(parent, new BriefingBot.Chat.MessageRef("slack", "C1", "1700000000.000002"),
            BriefingBot.Chat.ChatReply.Message("new reporting"), Ct);

        var post = Assert.Single(await slack.WaitForCallsAsync("chat.postMessage", 1, Ct));
        Assert.Equal(("C1", "1700000000.000001"), (post.Json!["channel"]!.GetValue<string>(), post.Json!["thread_ts"]!.GetValue<string>()));
    }

    /// <summary>A slash command's answer comes inline, or through response_url when the handler is slower than the inline budget.</summary>
    private static async Task CommandAsync(SlackTestHost bot, FakeSlack slack, string text, string expected)
    {
        using var response = await bot.PostSignedAsync("/slack/commands", SlackHttpEndpointTests.CommandBody("/poll", text, slack), Form, Ct);
        var inline = await response.Content.ReadAsStringAsync(Ct);
        if (!inline.Contains(expected, StringComparison.Ordinal))
        {
            await WaitAsync(() => slack.CallsTo("response_url").Any(c => c.Body.Contains(expected, StringComparison.Ordinal)));
        }
    }

    private static async Task<FakeSlackCall> AnswerAsync(FakeSlack slack, string responseId)
    {
        await WaitAsync(() => slack.CallsTo("response_url").Any(c => c.Target == responseId));
        return slack.CallsTo("response_url").Single(c => c.Target == responseId);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the fake Slack");
            await Task.Delay(20, Ct);
        }
    }

    private static async Task PressAsync(SlackTestHost bot, FakeSlack slack, string actionId, string user, string responseId)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant() },
            ["channel"] = new JsonObject { ["id"] = "C1" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = "C1" },
            ["response_url"] = slack.ResponseUrl(responseId).AbsoluteUri,
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["type"] = "button", ["block_id"] = "b" }),
        };
        using var response = await bot.PostSignedAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), Form, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
