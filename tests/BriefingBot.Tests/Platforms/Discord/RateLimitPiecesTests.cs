using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Platforms.Discord;

public sealed class RateLimitPiecesTests
{
    [Theory]
    [InlineData("GET", "https://discord.com/api/v10/channels/123/messages/456", "GET /channels/123/messages/{id}", "123")]
    [InlineData("PUT", "https://discord.com/api/v10/applications/42/guilds/7/commands", "PUT /applications/{id}/guilds/7/commands", "7")]
    [InlineData("PATCH", "http://127.0.0.1:5/api/v10/webhooks/42/tok/messages/@original", "PATCH /webhooks/42/tok/messages/@original", "42/tok")]
    public void RouteOf_Path_KeepsMajorParametersOnly(string method, string url, string key, string major)
    {
        var route = RateLimitState.RouteOf(new HttpMethod(method), new Uri(url));

        Assert.Equal(key, route.Key);
        Assert.Equal(major, route.Major);
    }

    [Fact]
    public void InvalidRequestGuard_BudgetSpent_RefusesUntilWindowPasses()
    {
        var time = new FakeTimeProvider();
        var guard = new InvalidRequestGuard(time, budget: 3);

        guard.Record(403, sharedScope: false);
        guard.Record(429, sharedScope: false);
        guard.Record(429, sharedScope: true);
        guard.Record(404, sharedScope: false);
        Assert.Null(guard.Refusal());

        guard.Record(403, sharedScope: false);
        Assert.NotNull(guard.Refusal());

        time.Advance(DiscordLimits.InvalidRequestWindow + TimeSpan.FromSeconds(1));
        Assert.Null(guard.Refusal());
    }

    [Fact]
    public void InvalidRequestGuard_After401_RefusesForGood()
    {
        var time = new FakeTimeProvider();
        var guard = new InvalidRequestGuard(time);

        guard.Record(401, sharedScope: false);
        time.Advance(TimeSpan.FromHours(1));

        Assert.True(guard.TokenRejected);
        Assert.Contains("401", guard.Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReserveGlobalSlot_MoreThanFiftyInOneSecond_AsksToWait()
    {
        var time = new FakeTimeProvider();
        var state = new RateLimitState(time);

        var waits = Enumerable.Range(0, DiscordLimits.GlobalRequestsPerSecond + 1).Select(_ => state.ReserveGlobalSlot(exempt: false)).ToList();

        Assert.All(waits.Take(DiscordLimits.GlobalRequestsPerSecond), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.True(waits[^1] > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, state.ReserveGlobalSlot(exempt: true));
    }

    [Fact]
    public void ReserveGlobalSlot_BurstAcrossASecondBoundary_NeverMoreThanFiftyInAnySecond()
    {
        var time = new FakeTimeProvider();
        var state = new RateLimitState(time);
        time.Advance(TimeSpan.FromMilliseconds(900));
        for (var i = 0; i < DiscordLimits.GlobalRequestsPerSecond; i++)
        {
            Assert.Equal(TimeSpan.Zero, state.ReserveGlobalSlot(exempt: false));
            state.ReleaseGlobalSlot(exempt: false);
        }

        time.Advance(TimeSpan.FromMilliseconds(200)); // a new calendar second, but the fifty were answered 200 ms ago

        var wait = state.ReserveGlobalSlot(exempt: false);
        Assert.Equal(RateLimitState.GlobalWindow - TimeSpan.FromMilliseconds(200), wait);
        time.Advance(wait);
        Assert.Equal(TimeSpan.Zero, state.ReserveGlobalSlot(exempt: false));
    }

    [Fact]
    public void ReserveGlobalSlot_SlowAnswers_CountFromTheAnswerNotTheSend()
    {
        var time = new FakeTimeProvider();
        var state = new RateLimitState(time);
        for (var i = 0; i < DiscordLimits.GlobalRequestsPerSecond; i++)
        {
            Assert.Equal(TimeSpan.Zero, state.ReserveGlobalSlot(exempt: false));
        }

        time.Advance(TimeSpan.FromSeconds(2)); // still in flight: Discord may see them any moment
        Assert.True(state.ReserveGlobalSlot(exempt: false) > TimeSpan.Zero);
        for (var i = 0; i < DiscordLimits.GlobalRequestsPerSecond; i++)
        {
            state.ReleaseGlobalSlot(exempt: false);
        }

        Assert.Equal(RateLimitState.GlobalWindow, state.ReserveGlobalSlot(exempt: false));
    }
}
