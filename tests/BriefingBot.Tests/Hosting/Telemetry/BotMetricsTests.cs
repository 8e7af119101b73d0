using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting.Telemetry;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.Chat.Commands;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Hosting.Telemetry;

public sealed class BotMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DispatchAsync_AnsweredRejectedFailedAndUnknown_CountedByCommandPlatformAndOutcome()
    {
        var metrics = TestMetrics.Create();
        using var recorder = new MetricRecorder(metrics);
        var ok = new FakeCommand("ok", new CommandOption("n", "a number", OptionType.Integer, Required: true));
        var broken = new FakeCommand("broken") { Handler = _ => throw new InvalidOperationException("boom") };
        var dispatcher = new CommandDispatcher(new CommandCatalog([ok, broken]), NullLogger<CommandDispatcher>.Instance, metrics);
        var context = new CommandContext("slack", "C1", "U1", "u", IsAdmin: false, IsOperator: false);

        await dispatcher.DispatchAsync(new CommandRequest("ok", new Dictionary<string, string> { ["n"] = "1" }, context), Ct);
        await dispatcher.DispatchAsync(new CommandRequest("ok", new Dictionary<string, string> { ["n"] = "x" }, context), Ct);
        await dispatcher.DispatchAsync(new CommandRequest("broken", new Dictionary<string, string>(), context), Ct);
        await dispatcher.DispatchAsync(new CommandRequest("no-such-thing", new Dictionary<string, string>(), context), Ct);

        var counted = recorder.Of("briefingbot.commands").Select(m => $"{m.Tags["command"]}/{m.Tags["platform"]}/{m.Tags["outcome"]}={m.Value}");
        Assert.Equal(["ok/slack/answered=1", "ok/slack/rejected=1", "broken/slack/failed=1", "unknown/slack/rejected=1"], counted);
    }

    [Fact]
    public async Task DispatchAsync_FailingCommand_OneSpanWithCommandPlatformOutcomeAndErrorStatus()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        var platform = "span-test-" + Guid.NewGuid().ToString("N")[..6]; // other tests dispatch in parallel
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == BotActivity.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        var broken = new FakeCommand("broken") { Handler = _ => throw new InvalidOperationException("boom") };
        var dispatcher = new CommandDispatcher(new CommandCatalog([broken]), NullLogger<CommandDispatcher>.Instance);

        await dispatcher.DispatchAsync(new CommandRequest("broken", new Dictionary<string, string>(), new CommandContext(platform, "C", "U", "u", false, false)), Ct);

        var span = Assert.Single(spans, s => (s.GetTagItem("briefingbot.platform") as string) == platform);
        Assert.Equal("command broken", span.DisplayName);
        Assert.Equal("failed", span.GetTagItem("briefingbot.outcome"));
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public void FirstResponse_WithinAndPastTheDeadline_RecordsLatencyAndCountsOnlyTheLateOne()
    {
        var metrics = TestMetrics.Create();
        using var recorder = new MetricRecorder(metrics);

        metrics.FirstResponse("discord", TimeSpan.FromMilliseconds(250));
        metrics.FirstResponse("discord", TimeSpan.FromSeconds(3));
        metrics.FirstResponse("slack", TimeSpan.FromSeconds(3.2));

        Assert.Equal([0.25, 3, 3.2], recorder.Of("briefingbot.interaction.first_response").Select(m => m.Value));
        var missed = Assert.Single(recorder.Of("briefingbot.interaction.missed_deadline"));
        Assert.Equal("slack", missed.Tags["platform"]);
    }

    [Fact]
    public void DigestAndVoteMethods_Called_CountWithPlatformAndReason()
    {
        var metrics = TestMetrics.Create();
        using var recorder = new MetricRecorder(metrics);

        metrics.DigestSent("discord");
        metrics.DigestFailed("slack", "rate_limited");
        metrics.VoteRecorded("slack");

        Assert.Equal("discord", Assert.Single(recorder.Of("briefingbot.digests.sent")).Tags["platform"]);
        var failed = Assert.Single(recorder.Of("briefingbot.digests.failed"));
        Assert.Equal(("slack", "rate_limited"), (failed.Tags["platform"], failed.Tags["reason"]));
        Assert.Equal("slack", Assert.Single(recorder.Of("briefingbot.votes")).Tags["platform"]);
    }

    [Fact]
    public void SlackRatePacer_BurstSpent_RecordsTheWaitForSlack()
    {
        var metrics = TestMetrics.Create();
        using var recorder = new MetricRecorder(metrics);
        var pacer = new SlackRatePacer(new FakeTimeProvider(), metrics);

        for (var i = 0; i < 4; i++)
        {
            _ = pacer.WaitAsync("chat.postMessage", "C1", Ct);
        }

        var wait = Assert.Single(recorder.Of("briefingbot.rate_limit.wait"));
        Assert.Equal("slack", wait.Tags["platform"]);
        Assert.InRange(wait.Value, 0.9, 1.1);
    }
}
