using BriefingBot.Chat;
using BriefingBot.Digests;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Slack;
using BriefingBot.Storage;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace BriefingBot.Tests.Chat;

/// <summary>A channel that only configuration names (a digest channel nobody typed in) is placed by asking its platform.</summary>
public sealed class ChannelWorkspacesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WorkspaceOfAsync_ConfiguredDiscordChannel_AskedOfDiscordOnceAndRemembered()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.AddGuildChannel("777", "9001");
        using var signer = new InteractionSigner();
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, services => services.AddChannelWorkspaces(), signer.PublicKeyHex);
        var workspaces = bot.Services.GetRequiredService<ChannelWorkspaces>();
        var metadata = bot.Services.GetRequiredService<IMetadataStore>();

        var first = await workspaces.WorkspaceOfAsync("discord", "777", Ct);
        var again = await workspaces.WorkspaceOfAsync("discord", "777", Ct);
        var tenant = await DigestTenants.ForChannelAsync(metadata, "discord", "777", Ct, new ChannelWorkspaces(metadata));

        Assert.Equal(("9001", "9001"), (first, again));
        Assert.Equal("discord:9001", tenant);
        Assert.Single(fake.Requests, r => r.Method == "GET" && r.Path == "/api/v10/channels/777");
    }

    [Fact]
    public async Task WorkspaceOfAsync_DiscordChannelUnknown_NullAndNotAskedAgainWithinTheRetryWindow()
    {
        await using var fake = await FakeDiscord.StartAsync();
        using var signer = new InteractionSigner();
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, services => services.AddChannelWorkspaces(), signer.PublicKeyHex);
        var workspaces = bot.Services.GetRequiredService<ChannelWorkspaces>();

        Assert.Null(await workspaces.WorkspaceOfAsync("discord", "404404", Ct));
        Assert.Null(await workspaces.WorkspaceOfAsync("discord", "404404", Ct));

        Assert.Single(fake.Requests, r => r.Method == "GET" && r.Path == "/api/v10/channels/404404");
    }

    [Fact]
    public async Task WorkspaceOfChannelAsync_Slack_TheTeamOfTheBotTokenAskedOnce()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        slack.TeamId = "T0NEWS";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:SigningSecret"] = "s",
            ["Slack:Mode"] = "Http",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddSlack(global::BriefingBot.Hosting.BotMode.Worker, configuration);
        await using var provider = services.BuildServiceProvider();
        var platform = provider.GetServices<IChatPlatform>().Single(p => p.Name == "slack");

        var one = await platform.WorkspaceOfChannelAsync("C1", Ct);
        var two = await platform.WorkspaceOfChannelAsync("C2", Ct);

        Assert.Equal(("T0NEWS", "T0NEWS"), (one, two));
        Assert.Single(slack.CallsTo("auth.test"));
    }

    [Fact]
    public async Task WorkspaceOfAsync_PlatformFails_NullThenAskedAgainAfterTheRetryWindow()
    {
        await using var storage = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(Path.GetTempPath(), "bb-" + Guid.NewGuid().ToString("N"), "bot.db") }, Ct);
        var platform = Substitute.For<IChatPlatform>();
        platform.Name.Returns("discord");
        platform.WorkspaceOfChannelAsync("5", Arg.Any<CancellationToken>())
            .Returns(_ => throw new HttpRequestException("down"), _ => Task.FromResult<string?>("42"));
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-08T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var workspaces = new ChannelWorkspaces(storage.Services.GetRequiredService<IMetadataStore>(), [platform], clock);

        var down = await workspaces.WorkspaceOfAsync("discord", "5", Ct);
        var soon = await workspaces.WorkspaceOfAsync("discord", "5", Ct);
        clock.Advance(TimeSpan.FromMinutes(16));
        var later = await workspaces.WorkspaceOfAsync("discord", "5", Ct);

        Assert.Equal((null, null, "42"), (down, soon, later));
        await platform.Received(2).WorkspaceOfChannelAsync("5", Arg.Any<CancellationToken>());
    }
}
