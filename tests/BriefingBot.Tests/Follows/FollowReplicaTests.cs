using BriefingBot.Actors;
using BriefingBot.Analysis;
using BriefingBot.Follows;
using BriefingBot.Platforms.Discord;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Follows;

/// <summary>Two replicas (two bot hosts) on one PostgreSQL database, running alert passes at the same time, post each alert once.</summary>
public sealed class FollowReplicaTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_PassesAtOnce_EachAlertPostedOnce()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = database.ConnectionString };
        await using var fake = await FakeDiscord.StartAsync();
        using var signer = new InteractionSigner();
        await using var one = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, Configure, signer.PublicKeyHex, settings);
        await using var two = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, Configure, signer.PublicKeyHex, settings);
        var first = new FollowHarness(one.Services);
        var second = new FollowHarness(two.Services);
        await first.Follows.FollowAsync(FollowHarness.Discord(), "Pyongyang", "here", null, Ct);
        await first.Follows.FollowAsync(FollowHarness.Discord(user: "555555555555555555"), "North Korea", null, null, Ct);

        await first.IngestAsync(FollowHarness.NorthKoreaReport(1), Ct);
        await second.IngestAsync(FollowHarness.NorthKoreaReport(2), Ct);
        var sent = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).Alerter.RunAsync(Ct), Ct)));

        Assert.Equal(2, sent.Sum());
        Assert.Equal(2, fake.CreatedMessages.Count);
        Assert.Equal(2, fake.CreatedMessages.Select(m => m.Nonce).Distinct().Count());
        Assert.Contains(fake.CreatedMessages, m => m.ChannelId == fake.DmChannelOf("555555555555555555"));
    }

    private static void Configure(IServiceCollection services)
    {
        services.AddActors();
        services.AddAnalysis();
        services.AddFollowServices();
    }
}
