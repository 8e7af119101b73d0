using BriefingBot.Chat.Commands;
using BriefingBot.Polls;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace BriefingBot.Tests.Polls;

public sealed class ForecastStatsTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;

    // Poll 1 happened, poll 2 did not. Ana said 70 and 20, Ben 50 and 40.
    // Team medians: poll 1 (70+50)/2 = 60 → Brier 0.16; poll 2 (20+40)/2 = 30 → 0.09; mean 0.125.
    // Ana: 0.09 and 0.04 → 0.065, relative -0.060. Ben: 0.25 and 0.16 → 0.205, relative +0.080.
    private static readonly ScoredVote[] Votes =
    [
        new(new Vote(1, "U-ana", "Ana", 70, "likely", At), "C1", true),
        new(new Vote(1, "U-ben", "Ben", 50, "even", At), "C1", true),
        new(new Vote(2, "U-ana", "Ana", 20, "unlikely", At), "C1", false),
        new(new Vote(2, "U-ben", "Ben", 40, "unlikely", At), "C1", false),
    ];

    private static CommandContext Ana => new("slack", "C1", "U-ana", "Ana", false, false);

    private static ForecastStats Create(int minimum)
    {
        var store = Substitute.For<IPollStore>();
        store.ListScoredVotesAsync("slack", Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(Votes);
        return new ForecastStats(store, Options.Create(new PollsOptions { LeaderboardMinimum = minimum }));
    }

    [Fact]
    public async Task StatsAsync_OwnRecord_MatchesHandComputation()
    {
        var reply = await Create(2).StatsAsync(Ana, null, TestContext.Current.CancellationToken);

        var fields = reply.Sections[0].Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("2", fields["Resolved forecasts"]);
        Assert.Equal("0.065", fields["Mean Brier"]);
        Assert.Equal("0.125", fields["Team median, same polls"]);
        Assert.Equal("-0.060 (better)", fields["Relative to team median"]);
        Assert.Equal("20-30 %: 1 forecast(s), mean 20 %, happened 0 %\n70-80 %: 1 forecast(s), mean 70 %, happened 100 %", reply.Sections[1].Body);
        Assert.NotNull(reply.Image);
    }

    [Fact]
    public async Task StatsAsync_OtherUserByName_ShowsTheirRecord()
    {
        var reply = await Create(2).StatsAsync(Ana, "ben", TestContext.Current.CancellationToken);

        var fields = reply.Sections[0].Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(("0.205", "+0.080 (worse)"), (fields["Mean Brier"], fields["Relative to team median"]));
    }

    [Fact]
    public async Task StatsAsync_UnknownUser_SaysNoForecasts()
    {
        var reply = await Create(2).StatsAsync(Ana, "<@U-nobody>", TestContext.Current.CancellationToken);

        Assert.True(reply.Ephemeral);
        Assert.Contains("no forecasts on resolved polls", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaderboardAsync_EnoughResolved_RanksByMeanBrier()
    {
        var reply = await Create(2).LeaderboardAsync(Ana, TestContext.Current.CancellationToken);

        Assert.Equal(
            "1. Ana: Brier 0.065 over 2 (-0.060 (better) vs team median)\n2. Ben: Brier 0.205 over 2 (+0.080 (worse) vs team median)",
            reply.Sections[0].Body);
    }

    [Fact]
    public async Task LeaderboardAsync_BelowMinimum_NobodyListed()
    {
        var reply = await Create(3).LeaderboardAsync(Ana, TestContext.Current.CancellationToken);

        Assert.Empty(reply.Sections);
        Assert.Contains("nobody here has 3 or more", reply.Text, StringComparison.Ordinal);
    }
}
