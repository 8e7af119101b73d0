using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Digests;
using BriefingBot.Storage;
using BriefingBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Digests;

/// <summary>A workspace's digest holds the shared stories and its own, never another workspace's chat additions.</summary>
public sealed class DigestTenancyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ComposeAsync_TwoWorkspaces_EachDigestHasItsOwnAndTheSharedStories()
    {
        await using var digest = await DigestHarness.StartAsync(Ct);
        var shared = await digest.AddAsync("Shared wire story", 11, cancellationToken: Ct);
        var one = await digest.Storage.Articles.AddAsync(TestArticles.Create("Workspace one tip", TestArticles.LongText(12)) with { Tenant = "slack:T1" }, Ct);
        var two = await digest.Storage.Articles.AddAsync(TestArticles.Create("Workspace two tip", TestArticles.LongText(13)) with { Tenant = "discord:9" }, Ct);

        var forOne = await digest.Composer.ComposeAsync(DigestHarness.Request() with { Tenant = "slack:T1" }, Ct);
        var forTwo = await digest.Composer.ComposeAsync(DigestHarness.Request() with { Tenant = "discord:9" }, Ct);
        var configured = await digest.Composer.ComposeAsync(DigestHarness.Request() with { Tenant = "" }, Ct);
        var operatorDigest = await digest.Composer.ComposeAsync(DigestHarness.Request(), Ct);

        Assert.Equal([shared.StoryId, one.StoryId], forOne.StoryIds.Order());
        Assert.Equal([shared.StoryId, two.StoryId], forTwo.StoryIds.Order());
        Assert.Equal([shared.StoryId], configured.StoryIds);
        Assert.Equal(3, operatorDigest.StoryIds.Count);
    }

    [Fact]
    public async Task ForChannelAsync_ScheduledFromChatShellOrNever_TenantAllOrSharedOnly()
    {
        await using var storage = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(Path.GetTempPath(), "bb-" + Guid.NewGuid().ToString("N"), "bot.db") }, Ct);
        var metadata = storage.Services.GetRequiredService<IMetadataStore>();

        await DigestTenants.RememberAsync(metadata, new CommandContext("slack", "C1", "U1", "ann", true, false, "T1"), Ct);
        await DigestTenants.RememberAsync(metadata, CommandContext.Shell("op"), Ct);

        Assert.Equal("slack:T1", await DigestTenants.ForChannelAsync(metadata, "slack", "C1", Ct));
        Assert.Null(await DigestTenants.ForChannelAsync(metadata, "shell", "shell", Ct));
        Assert.Equal("", await DigestTenants.ForChannelAsync(metadata, "discord", "never", Ct));
    }

    [Fact]
    public async Task ForChannelAsync_ConfiguredChannelOnceTheBotIsUsedThere_ThatWorkspace()
    {
        await using var storage = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(Path.GetTempPath(), "bb-" + Guid.NewGuid().ToString("N"), "bot.db") }, Ct);
        var metadata = storage.Services.GetRequiredService<IMetadataStore>();
        var workspaces = new ChannelWorkspaces(metadata);

        var before = await DigestTenants.ForChannelAsync(metadata, "discord", "D1", Ct, workspaces);
        await workspaces.LearnAsync(new CommandContext("discord", "D1", "U1", "ann", false, false, "9"), Ct);
        var after = await DigestTenants.ForChannelAsync(metadata, "discord", "D1", Ct, workspaces);
        var otherProcess = await DigestTenants.ForChannelAsync(metadata, "discord", "D1", Ct, new ChannelWorkspaces(metadata));

        Assert.Equal("", before);
        Assert.Equal("discord:9", after);
        Assert.Equal("discord:9", otherProcess);
        Assert.Null(await workspaces.WorkspaceOfAsync("slack", "D1", Ct));
    }
}
