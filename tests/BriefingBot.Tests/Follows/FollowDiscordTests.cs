using System.Text.Json;
using BriefingBot.Actors;
using BriefingBot.Analysis;
using BriefingBot.Follows;
using BriefingBot.Platforms.Discord;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Follows;

/// <summary>Follows through the Discord platform against the fake Discord: DM, here, role, the batch window, a refused DM.</summary>
public sealed class FollowDiscordTests : IAsyncLifetime
{
    private const string User = "444444444444444444";
    private const string Channel = "222222222222222222";
    private readonly InteractionSigner signer = new();
    private FakeDiscord fake = null!;
    private DiscordBotHost bot = null!;
    private FollowHarness follows = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, services =>
        {
            services.AddActors();
            services.AddAnalysis();
            services.AddFollowServices();
        }, signer.PublicKeyHex);
        follows = new FollowHarness(bot.Services);
    }

    public async ValueTask DisposeAsync()
    {
        await bot.DisposeAsync();
        await fake.DisposeAsync();
        signer.Dispose();
    }

    [Fact]
    public async Task FollowCommand_PyongyangThroughTheInteractionEndpoint_OneDirectMessageAboutNorthKorea()
    {
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("follow", """[{"type":3,"name":"target","value":"Pyongyang"}]""")), Ct);
        var follow = Assert.Single(await WaitForFollowsAsync(User));

        var (_, story) = await follows.IngestAsync(FollowHarness.NorthKoreaReport(1), Ct);
        await follows.IngestAsync(FollowHarness.UnrelatedReport(2), Ct);
        var sent = await follows.Alerter.RunAsync(Ct);

        Assert.Equal((FollowTargetKind.Actor, "kp", "North Korea", FollowDelivery.Dm), (follow.Target.Kind, follow.Target.Key, follow.Target.Label, follow.Delivery));
        Assert.Equal(1, sent);
        var dm = fake.DmChannelOf(User);
        Assert.NotNull(dm);
        var message = Assert.Single(fake.CreatedMessages, m => m.ChannelId == dm);
        var json = JsonDocument.Parse(message.Body).RootElement;
        Assert.StartsWith("1 new story about North Korea:", json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", json.GetProperty("allowed_mentions").GetRawText());
        Assert.Contains("North Korea troops report 1", json.GetProperty("embeds").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("f1.0", message.Nonce);
        Assert.True(story > 0);
        Assert.Empty(DiscordSchema.Validate("POST", $"/channels/{dm}/messages", message.Body));
    }

    [Fact]
    public async Task FollowHere_ArticleWithEveryoneAndRolePings_MentionsExactlyTheFollower()
    {
        await follows.Follows.FollowAsync(FollowHarness.Discord(), "North Korea", "here", null, Ct);
        await follows.Follows.FollowAsync(FollowHarness.Discord(user: "999999999999999999"), "Iran", "here", null, Ct);

        await follows.IngestAsync(FollowHarness.NorthKoreaReport(3, title: "@everyone North Korea <@&123456789012345678> alert"), Ct);
        await follows.Alerter.RunAsync(Ct);

        var message = Assert.Single(fake.CreatedMessages);
        Assert.Equal(Channel, message.ChannelId);
        var json = JsonDocument.Parse(message.Body).RootElement;
        Assert.StartsWith($"<@{User}> 1 new story about North Korea:", json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal($$"""{"parse":[],"users":["{{User}}"]}""", json.GetProperty("allowed_mentions").GetRawText());
        var title = json.GetProperty("embeds")[0].GetProperty("title").GetString()!;
        Assert.DoesNotContain("@everyone", title, StringComparison.Ordinal);
        Assert.DoesNotContain("<@&", title, StringComparison.Ordinal);
        Assert.Contains("＠everyone", title, StringComparison.Ordinal);
        Assert.Empty(DiscordSchema.Validate("POST", $"/channels/{Channel}/messages", message.Body));
    }

    [Fact]
    public async Task BatchWindow_StoriesWithinMinInterval_OneAlertListsThemAndAnUpdateIsNotNew()
    {
        await follows.Follows.FollowAsync(FollowHarness.Discord(), "Pyongyang", "here", null, Ct);
        await follows.IngestAsync(FollowHarness.NorthKoreaReport(10), Ct);
        Assert.Equal(1, await follows.Alerter.RunAsync(Ct));

        follows.Time.Advance(TimeSpan.FromMinutes(1));
        var (_, second) = await follows.IngestAsync(FollowHarness.NorthKoreaReport(11), Ct);
        await follows.IngestAsync(FollowHarness.NorthKoreaReport(12), Ct);
        var update = await follows.IngestAsync(FollowHarness.NorthKoreaReport(10, title: "North Korea troops report 10, update", edit: true), Ct, "https://news.example/update");
        var withinWindow = await follows.Alerter.RunAsync(Ct);
        follows.Time.Advance(TimeSpan.FromMinutes(13));
        var stillWithin = await follows.Alerter.RunAsync(Ct);
        follows.Time.Advance(TimeSpan.FromMinutes(1));
        var afterWindow = await follows.Alerter.RunAsync(Ct);
        var nothingLeft = await follows.Alerter.RunAsync(Ct);

        Assert.Equal((0, 0, 1, 0), (withinWindow, stillWithin, afterWindow, nothingLeft));
        Assert.Equal(2, fake.CreatedMessages.Count);
        var content = JsonDocument.Parse(fake.CreatedMessages[1].Body).RootElement.GetProperty("content").GetString();
        Assert.StartsWith($"<@{User}> 2 new stories about North Korea:", content, StringComparison.Ordinal);
        var embeds = JsonDocument.Parse(fake.CreatedMessages[1].Body).RootElement.GetProperty("embeds").GetRawText();
        Assert.Contains("report 11", embeds, StringComparison.Ordinal);
        Assert.Contains("report 12", embeds, StringComparison.Ordinal);
        Assert.DoesNotContain("update", embeds, StringComparison.Ordinal);
        Assert.True(second > 0 && update.StoryId < second, "the update joined the first story");
    }

    [Fact]
    public async Task RoleFollow_Admin_MentionsOnlyTheRoleAndNonAdminIsRefused()
    {
        const string Role = "777000000000000001";
        var refused = await follows.Follows.FollowAsync(FollowHarness.Discord(), "North Korea", null, $"<@&{Role}>", Ct);
        var made = await follows.Follows.FollowAsync(FollowHarness.Discord(admin: true), "North Korea", null, $"<@&{Role}>", Ct);

        await follows.IngestAsync(FollowHarness.NorthKoreaReport(20), Ct);
        await follows.Alerter.RunAsync(Ct);

        Assert.True(refused.IsError);
        Assert.False(made.IsError);
        var message = Assert.Single(fake.CreatedMessages);
        Assert.Equal(Channel, message.ChannelId);
        var json = JsonDocument.Parse(message.Body).RootElement;
        Assert.StartsWith($"<@&{Role}> 1 new story about North Korea:", json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal($$"""{"parse":[],"roles":["{{Role}}"]}""", json.GetProperty("allowed_mentions").GetRawText());
    }

    [Fact]
    public async Task DirectMessageRefused_50007_DisablesTheFollowWithANoteInTheList()
    {
        fake.RefuseDirectMessages(User);
        await follows.Follows.FollowAsync(FollowHarness.Discord(), "Pyongyang", null, null, Ct);

        await follows.IngestAsync(FollowHarness.NorthKoreaReport(30), Ct);
        var first = await follows.Alerter.RunAsync(Ct);
        follows.Time.Advance(TimeSpan.FromHours(1));
        await follows.IngestAsync(FollowHarness.NorthKoreaReport(31), Ct);
        var second = await follows.Alerter.RunAsync(Ct);
        var list = await follows.Follows.ListAsync(FollowHarness.Discord(), Ct);

        Assert.Equal((0, 0), (first, second));
        Assert.Single(fake.Requests, r => r.Status == 403);
        Assert.Empty(fake.CreatedMessages);
        var follow = Assert.Single(await follows.Store.ListForUserAsync("discord", "333333333333333333", User, Ct));
        Assert.False(follow.Active);
        Assert.Contains("(disabled: Discord refused the DM", list.Text, StringComparison.Ordinal);
        Assert.Contains("50007", list.Text, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Follow>> WaitForFollowsAsync(string user)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var found = await follows.Store.ListForUserAsync("discord", "333333333333333333", user, Ct);
            if (found.Count > 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(20, Ct);
        }
    }
}
