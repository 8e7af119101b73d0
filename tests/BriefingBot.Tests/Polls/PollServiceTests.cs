using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Hosting.Telemetry;
using BriefingBot.Polls;
using BriefingBot.Storage;
using BriefingBot.Storage.Migrations;
using BriefingBot.Tests.Hosting.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Quartz;

namespace BriefingBot.Tests.Polls;

/// <summary>The poll lifecycle on a real SQLite store with a driven clock: scheduling, sweep closes, reminders, permissions.</summary>
public sealed class PollServiceTests : IAsyncLifetime
{
    private readonly Storage.TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly IChatPlatform platform = Substitute.For<IChatPlatform>();
    private ServiceProvider services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CommandContext Creator => new("slack", "C1", "U1", "Ana", IsAdmin: false, IsOperator: false);

    private PollService Polls => services.GetRequiredService<PollService>();

    public async ValueTask InitializeAsync()
    {
        platform.Name.Returns("slack");
        platform.SendAsync(Arg.Any<string>(), Arg.Any<ChatReply>(), Arg.Any<CancellationToken>()).Returns(new MessageRef("slack", "C1", "100.1"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(folder.Path, "bot.db"),
            ["Polls:CountUpdateDelay"] = "00:00:00",
        }).Build();
        var collection = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(platform);
        collection.AddStorage();
        collection.AddCommandDispatch();
        collection.AddPolls(BotMode.Ingest);
        services = collection.BuildServiceProvider();
        await services.GetRequiredService<IStorageMigrator>().MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task PostAsync_Draft_SchedulesOneCloseTriggerAtTheDeadlineWithThePollIdOnly()
    {
        var draft = new PollDraft("Will it?", time.GetUtcNow().AddDays(2), new DateOnly(2026, 12, 31), null, []);

        await Polls.PostAsync(Creator, draft, Ct);

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var trigger = await scheduler.GetTrigger(new TriggerKey("poll-close-1", PollScheduler.Group), Ct);
        var job = await scheduler.GetJobDetail(new JobKey("poll-close-1", PollScheduler.Group), Ct);
        Assert.Equal(draft.ClosesAt, trigger!.StartTimeUtc);
        // Strings only: the persistent job store keeps job data as properties.
        Assert.Equal("1", job!.JobDataMap.GetString(PollCloseJob.PollIdKey));
        Assert.Single(job.JobDataMap);
    }

    [Fact]
    public async Task VoteAsync_VoteChangeAndLateVote_CountsEachRecordedVoteOnly()
    {
        await Polls.PostAsync(Creator, new PollDraft("Will it?", time.GetUtcNow().AddDays(2), new DateOnly(2026, 11, 30), null, []), Ct);
        using var metrics = new MetricRecorder(services.GetRequiredService<BotMetrics>());
        var ben = new CommandContext("slack", "C1", "U2", "Ben", false, false);

        await Polls.VoteAsync(ben, 1, 70, Ct);
        await Polls.VoteAsync(ben, 1, 40, Ct);
        time.Advance(TimeSpan.FromDays(3));
        await Polls.VoteAsync(ben, 1, 10, Ct);

        var votes = metrics.Of("briefingbot.votes");
        Assert.Equal(2, votes.Count);
        Assert.All(votes, v => Assert.Equal("slack", v.Tags["platform"]));
    }

    [Fact]
    public async Task SweepAsync_PastDeadlineAndResolveBy_ClosesOnceAndRemindsOnce()
    {
        await Polls.PostAsync(Creator, new PollDraft("Will it?", time.GetUtcNow().AddDays(2), new DateOnly(2026, 11, 30), null, []), Ct);
        await Polls.VoteAsync(new CommandContext("slack", "C1", "U2", "Ben", false, false), 1, 70, Ct);

        await Polls.SweepAsync(Ct);
        Assert.Null((await Polls.Store.GetAsync(1, Ct))!.ClosedAt);

        time.Advance(TimeSpan.FromDays(2));
        await Polls.SweepAsync(Ct);
        await Polls.SweepAsync(Ct);
        await Polls.CloseDueAsync(1, Ct);

        await platform.Received(1).SendAsync("C1", Arg.Is<ChatReply>(r => r.Image != null && r.Text!.StartsWith("📊 Result of poll #1", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
        Assert.NotNull((await Polls.Store.GetAsync(1, Ct))!.ClosedAt);

        time.Advance(TimeSpan.FromDays(4));
        await Polls.SweepAsync(Ct);
        await Polls.SweepAsync(Ct);

        await platform.Received(1).SendPrivateAsync("C1", "U1", Arg.Is<ChatReply>(r => r.Text!.Contains("/poll resolve id:1", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CloseAndResolve_NotCreatorNorAdmin_RefusedAndPollUntouched()
    {
        await Polls.PostAsync(Creator, new PollDraft("Will it?", time.GetUtcNow().AddDays(2), new DateOnly(2026, 12, 31), null, []), Ct);
        var stranger = new CommandContext("slack", "C1", "U9", "Eve", IsAdmin: false, IsOperator: false);

        var close = await Polls.CloseByCommandAsync(stranger, 1, Ct);
        var resolve = await Polls.ResolveAsync(stranger, 1, PollOutcome.Yes, Ct);

        Assert.True(close.IsError);
        Assert.True(resolve.IsError);
        Assert.Null((await Polls.Store.GetAsync(1, Ct))!.ClosedAt);
    }

    [Fact]
    public async Task ResolveAsync_OpenPollByAdmin_ClosesThenScoresVotersAndTeamMedian()
    {
        await Polls.PostAsync(Creator, new PollDraft("Will it?", time.GetUtcNow().AddDays(2), new DateOnly(2026, 12, 31), null, []), Ct);
        await Polls.VoteAsync(new CommandContext("slack", "C1", "U2", "Ben", false, false), 1, 90, Ct);
        await Polls.VoteAsync(new CommandContext("slack", "C1", "U3", "Cy", false, false), 1, 30, Ct);

        var resolved = await Polls.ResolveAsync(Creator with { UserId = "UADMIN", IsAdmin = true }, 1, PollOutcome.No, Ct);
        var again = await Polls.ResolveAsync(Creator, 1, PollOutcome.Yes, Ct);

        // By hand: Cy 0.3² = 0.090, Ben 0.9² = 0.810, median (90+30)/2 = 60 → 0.360.
        Assert.Equal("Cy: 30 % → Brier 0.090\nBen: 90 % → Brier 0.810", resolved.Sections[0].Body);
        Assert.Equal("60 % → Brier 0.360", resolved.Sections[0].Fields[0].Value);
        Assert.True(again.IsError);
        Assert.Equal((PollOutcome?)PollOutcome.No, (await Polls.Store.GetAsync(1, Ct))!.Outcome);
    }

    [Fact]
    public async Task ResolveAsync_Ambiguous_ScoresNobody()
    {
        await Polls.PostAsync(Creator, new PollDraft("Will it?", time.GetUtcNow().AddDays(2), new DateOnly(2026, 12, 31), null, []), Ct);
        await Polls.VoteAsync(new CommandContext("slack", "C1", "U2", "Ben", false, false), 1, 90, Ct);

        var resolved = await Polls.ResolveAsync(Creator, 1, PollOutcome.Ambiguous, Ct);

        Assert.Contains("nobody is scored", resolved.Text, StringComparison.Ordinal);
        Assert.Empty(await Polls.Store.ListScoredVotesAsync("slack", null, Ct));
    }
}
