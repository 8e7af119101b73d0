using BriefingBot.Actors;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Polls;
using BriefingBot.Tests.Analysis.Actors;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace BriefingBot.Tests.Actors;

public sealed class ActorServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private readonly IActorStore store = Substitute.For<IActorStore>();
    private readonly InMemoryDevelopmentStore developments = new();
    private readonly ActorDirectory directory = new(TestCatalog.Instance);
    private readonly IPollStore polls = Substitute.For<IPollStore>();
    private readonly ChannelWorkspaces workspaces = new(new InMemoryMetadataStore());
    private readonly ActorService service;

    public ActorServiceTests()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        service = new ActorService(directory, store, Options.Create(new ActorsOptions()), time, developments, polls, Substitute.For<IArticleStore>(), workspaces);
        polls.ListUnclosedAsync(default).ReturnsForAnyArgs([]);
        store.GetCoMentionsAsync(default!, default, default, default).ReturnsForAnyArgs([]);
        store.GetLatestArticlesAsync(default!, default, default, default).ReturnsForAnyArgs([]);
        store.GetDaysAsync(default!, default, default, default, default).ReturnsForAnyArgs([]);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetCardAsync_CountsThisWeekAndTheWeekBefore_ReportsBothPeriods()
    {
        store.GetDaysAsync("kp", Today.AddDays(-59), Today, null, Arg.Any<CancellationToken>()).Returns(
        [
            new ActorDay(Today.AddDays(-40), 7, 2),
            new ActorDay(Today.AddDays(-13), 2, 1),
            new ActorDay(Today.AddDays(-7), 2, 2),
            new ActorDay(Today.AddDays(-6), 5, 3),
            new ActorDay(Today, 1, 1),
        ]);

        var card = await service.GetCardAsync("North Korea", ActorScope.Operator, Ct);

        Assert.NotNull(card);
        Assert.Equal(new PeriodCount(7, 6, 4, 4), card.Week);
        Assert.Equal(new PeriodCount(30, 10, 7, 7), card.Month);
        Assert.Equal((Today.AddDays(-29), Today), (card.ChartFrom, card.ChartTo));
        Assert.Equal("up 50% on the 7 days before (4)", Trend.Describe(card.Week.Mentions, card.Week.PreviousMentions, 7));
        Assert.Equal("up 43% on the 30 days before (7)", Trend.Describe(card.Month.Mentions, card.Month.PreviousMentions, 30));
    }

    [Theory]
    [InlineData(0, 0, "none before either")]
    [InlineData(3, 0, "new: none in the 7 days before")]
    [InlineData(4, 4, "level with the 7 days before")]
    [InlineData(1, 4, "down 75% on the 7 days before (4)")]
    public void Describe_Counts_SaysTheChange(long current, long previous, string expected)
    {
        Assert.Equal(expected, Trend.Describe(current, previous, 7));
    }

    [Fact]
    public async Task GetCardAsync_Metonym_ReachesTheStateThroughTheAlias()
    {
        var card = await service.GetCardAsync("Pyongyang", ActorScope.Operator, Ct);

        Assert.NotNull(card);
        Assert.Equal("kp", card.Actor.Id);
        Assert.True(card.Match.ThroughAlias);
        var reply = ActorCardReply.Card(card, chart: null);
        Assert.StartsWith("Pyongyang → North Korea (reached through the alias \"Pyongyang\")", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCardAsync_Typo_FindsNoActorButNorthKoreaIsClosest()
    {
        Assert.Null(await service.GetCardAsync("Nrth Korea", ActorScope.Operator, Ct));

        var closest = service.Closest("Nrth Korea", 5);

        Assert.Equal("kp", closest[0].Actor.Id);
        var reply = ActorCardReply.NotFound("Nrth Korea", closest, [new StoredActorCandidate("Nrth Korea Desk", ActorKind.Organisation, 3, 2)]);
        Assert.True(reply.IsError);
        Assert.Contains("No actor found for \"Nrth Korea\". Closest matches:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("- North Korea (state): /actor North Korea", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith("- Nrth Korea Desk (organisation?): 3 mentions in 2 articles", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCardAsync_TaughtAlias_ResolvesAndIsListedAsTaught()
    {
        directory.Apply([new TaughtAlias("Hermit Kingdom", "kp", "admin", DateTimeOffset.UnixEpoch)]);

        var card = await service.GetCardAsync("hermit kingdom", ActorScope.Operator, Ct);

        Assert.NotNull(card);
        Assert.Equal(("kp", MatchVia.TaughtAlias), (card.Actor.Id, card.Match.Via));
        Assert.Equal(["Hermit Kingdom"], card.TaughtAliases);
        var aliases = ActorCardReply.Card(card, null).Sections[0].Fields.Single(f => f.Name == "Aliases").Value;
        Assert.EndsWith("taught: Hermit Kingdom", aliases, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCardAsync_DevelopmentsAndCoMentions_ShowIdsNamesAndPollCommand()
    {
        var northKorea = TestCatalog.Instance.Find("kp")!;
        developments.Developments.Add(new StoredDevelopment(
            42,
            new ReportedDevelopment(0, 10, "North Korea may send more troops", [northKorea], ["may"], 0.5, [], null, "Will North Korea send more troops?", Today.AddDays(30)),
            [1, 2],
            new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
        store.GetCoMentionsAsync("kp", 5, null, Arg.Any<CancellationToken>()).Returns([new CoMention("ru", 9), new CoMention("gone", 3), new CoMention("kr", 4)]);

        var card = await service.GetCardAsync("DPRK", ActorScope.Operator, Ct);
        var reply = ActorCardReply.Card(card!, null);

        Assert.Equal(["Russia", "South Korea"], card!.CoMentions.Select(c => c.Actor.Name));
        Assert.Equal("Russia (9), South Korea (4)", reply.Sections.Single(s => s.Title.StartsWith("Appears most with", StringComparison.Ordinal)).Body);
        var line = reply.Sections.Single(s => s.Title == "Latest reported developments").Body!;
        Assert.StartsWith("#42 North Korea may send more troops (50%; 2 articles, last 24 Nov)", line, StringComparison.Ordinal);
        Assert.EndsWith("/poll create development:42", line, StringComparison.Ordinal);
        Assert.Equal("poll:new:42", Assert.Single(reply.Buttons).Id);
    }

    [Fact]
    public async Task GetCardAsync_WorkspaceScope_ListsOnlyPollsOfItsOwnChannels()
    {
        var closes = new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.Zero);
        polls.ListUnclosedAsync(Arg.Any<CancellationToken>()).Returns(
        [
            Poll(7, "Ours?", null, ["kp"], closes) with { Platform = "slack", ChannelId = "C1" },
            Poll(8, "Theirs?", null, ["kp"], closes) with { Platform = "slack", ChannelId = "C2" },
            Poll(9, "Never seen channel?", null, ["kp"], closes) with { Platform = "slack", ChannelId = "C3" },
            Poll(10, "Same id on Discord?", null, ["kp"], closes) with { Platform = "discord", ChannelId = "C1" },
        ]);
        await workspaces.LearnAsync(new CommandContext("slack", "C1", "U1", "Ann", IsAdmin: false, IsOperator: false, WorkspaceId: "T1"), Ct);
        await workspaces.LearnAsync(new CommandContext("slack", "C2", "U2", "Bo", IsAdmin: false, IsOperator: false, WorkspaceId: "T2"), Ct);

        var one = await service.GetCardAsync("North Korea", new ActorScope("slack", "T1", Everything: false), Ct);
        var everything = await service.GetCardAsync("North Korea", ActorScope.Operator, Ct);

        Assert.Equal([7L], one!.OpenPolls.Select(p => p.Id));
        Assert.Equal([7L, 8L, 9L, 10L], everything!.OpenPolls.Select(p => p.Id));
    }

    [Fact]
    public async Task GetCardAsync_OpenPollsOnActorOrItsDevelopment_ListedAndLinkedClosedOnesLeftOut()
    {
        var northKorea = TestCatalog.Instance.Find("kp")!;
        developments.Developments.Add(new StoredDevelopment(
            42,
            new ReportedDevelopment(0, 10, "North Korea may send more troops", [northKorea], ["may"], 0.5, [], null, "Will North Korea send more troops?", Today.AddDays(30)),
            [1],
            new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)));
        var closes = new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.Zero);
        polls.ListUnclosedAsync(Arg.Any<CancellationToken>()).Returns(
        [
            Poll(7, "Will North Korea send more troops?", 42, [], closes),
            Poll(8, "Will Pyongyang test a missile?", null, ["kp"], closes.AddDays(1)),
            Poll(9, "Will Russia sign?", null, ["ru"], closes),
            Poll(10, "Past its deadline?", null, ["kp"], new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)),
        ]);

        var card = await service.GetCardAsync("North Korea", ActorScope.Operator, Ct);
        var reply = ActorCardReply.Card(card!, null);

        Assert.Equal([7L, 8L], card!.OpenPolls.Select(p => p.Id));
        Assert.EndsWith("poll #7 open: /poll vote id:7", reply.Sections.Single(s => s.Title == "Latest reported developments").Body, StringComparison.Ordinal);
        var open = reply.Sections.Single(s => s.Title == "Open polls").Body!;
        Assert.StartsWith("#7 Will North Korea send more troops? (closes 28 Nov 17:00 UTC)", open, StringComparison.Ordinal);
        Assert.Contains("#8 Will Pyongyang test a missile?", open, StringComparison.Ordinal);
    }

    private static Poll Poll(long id, string question, long? development, string[] actors, DateTimeOffset closes) =>
        new(id, "shell", "shell", "operator", "Operator", question, development, actors, closes.AddDays(-7), closes, Today.AddDays(60));

    [Fact]
    public async Task GetTopAsync_StoreRanking_NamesActorsAndSkipsUnknownIds()
    {
        store.GetTopAsync(Today.AddDays(-29), Today, 15, null, Arg.Any<CancellationToken>()).Returns([new ActorPeriod("ru", 20, 10), new ActorPeriod("nobody", 5, 0), new ActorPeriod("kp", 4, 0)]);

        var top = await service.GetTopAsync(30, ActorScope.Operator, Ct);
        var reply = ActorCardReply.Top(top, 30);

        Assert.Equal(["Russia", "North Korea"], top.Select(t => t.Actor.Name));
        Assert.Equal(
            "1. Russia: 20 mentions (+100%; 10 in the 30 days before)" + Environment.NewLine + "2. North Korea: 4 mentions (new; 0 in the 30 days before)",
            reply.Sections[0].Body);
    }
}
