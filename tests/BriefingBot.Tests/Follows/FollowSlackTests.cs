using System.Text.Json.Nodes;
using BriefingBot.Actors;
using BriefingBot.Analysis;
using BriefingBot.Follows;
using BriefingBot.Platforms.Slack;
using BriefingBot.Storage;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Follows;

/// <summary>Follows through the Slack platform against the fake Slack: the slash command, DM, here, a user group, a refused DM.</summary>
public sealed class FollowSlackTests : IAsyncLifetime, IDisposable
{
    private const string Form = "application/x-www-form-urlencoded";
    private readonly TempFolder folder = new();
    private FakeSlack slack = null!;
    private SlackTestHost bot = null!;
    private FollowHarness follows = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        slack = await FakeSlack.StartAsync(Ct);
        bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, services =>
        {
            services.AddSingleton(TimeProvider.System);
            services.AddStorage();
            services.PostConfigure<StorageOptions>(o => o.SqlitePath = Path.Combine(folder.Path, "bot.db"));
            services.AddActors();
            services.AddAnalysis();
            services.AddFollowServices();
        });
        await bot.Services.GetRequiredService<BriefingBot.Storage.Migrations.IStorageMigrator>().MigrateAsync(Ct);
        follows = new FollowHarness(bot.Services);
    }

    public async ValueTask DisposeAsync()
    {
        await bot.DisposeAsync();
        await slack.DisposeAsync();
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task SlashCommand_FollowPyongyangHere_ChannelAlertMentionsOnlyTheFollower()
    {
        using var response = await bot.PostSignedAsync("/slack/commands", SlackHttpEndpointTests.CommandBody("/follow", "Pyongyang here", slack), Form, Ct);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        await follows.IngestAsync(FollowHarness.NorthKoreaReport(1, title: "<!channel> North Korea <@U999> report"), Ct);
        await follows.Alerter.RunAsync(Ct);

        Assert.Contains("Following North Korea (reached through the alias Pyongyang)", AllText(answer["blocks"]!), StringComparison.Ordinal);
        var post = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal("C1", post.Json!["channel"]!.GetValue<string>());
        var blocks = AllText(post.Json["blocks"]!);
        var firstText = post.Json["blocks"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.StartsWith("<@U1> 1 new story about North Korea:", firstText, StringComparison.Ordinal);
        Assert.Equal(["<@U1>"], MentionTokens(blocks + post.Text).Distinct());
        Assert.DoesNotContain("<!channel>", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U999>", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowDm_Slack_PostsToTheUserIdAndMentionsNobody()
    {
        await follows.Follows.FollowAsync(FollowHarness.Slack(), "North Korea", "dm", null, Ct);

        await follows.IngestAsync(FollowHarness.NorthKoreaReport(2), Ct);
        await follows.Alerter.RunAsync(Ct);

        var post = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal("U1", post.Json!["channel"]!.GetValue<string>());
        Assert.StartsWith("1 new story about North Korea:", post.Json["blocks"]![0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(MentionTokens(AllText(post.Json["blocks"]!) + post.Text));
    }

    [Fact]
    public async Task GroupFollow_Admin_MentionsOnlyTheUserGroup()
    {
        var made = await follows.Follows.FollowAsync(FollowHarness.Slack(user: "UADMIN", admin: true), "Pyongyang", null, "<!subteam^S0123ABCD|@korea-desk>", Ct);

        await follows.IngestAsync(FollowHarness.NorthKoreaReport(3), Ct);
        await follows.Alerter.RunAsync(Ct);

        Assert.False(made.IsError, made.Text);
        var post = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal("C1", post.Json!["channel"]!.GetValue<string>());
        Assert.StartsWith("<!subteam^S0123ABCD> 1 new story", post.Json["blocks"]![0]!["text"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["<!subteam^S0123ABCD>"], MentionTokens(AllText(post.Json["blocks"]!) + post.Text).Distinct());
    }

    [Fact]
    public async Task DirectMessageRefused_CannotDmBot_DisablesTheFollowWithANote()
    {
        slack.FailPostsTo("U1", "cannot_dm_bot");
        await follows.Follows.FollowAsync(FollowHarness.Slack(), "North Korea", null, null, Ct);

        await follows.IngestAsync(FollowHarness.NorthKoreaReport(4), Ct);
        var sent = await follows.Alerter.RunAsync(Ct);
        var list = await follows.Follows.ListAsync(FollowHarness.Slack(), Ct);

        Assert.Equal(0, sent);
        Assert.Contains("(disabled: Slack refused the direct message (cannot_dm_bot)", list.Text, StringComparison.Ordinal);
        Assert.Empty(await follows.Store.ListActiveAsync(Ct));
    }

    /// <summary>Every string in the JSON (block texts, fields, buttons), one a line, as Slack reads them.</summary>
    private static string AllText(JsonNode node) => node switch
    {
        JsonArray array => string.Join('\n', array.Select(n => n is null ? string.Empty : AllText(n))),
        JsonObject obj => string.Join('\n', obj.Select(p => p.Value is null ? string.Empty : AllText(p.Value))),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => string.Empty,
    };

    /// <summary>Every Slack mention or broadcast token (&lt;@U…&gt;, &lt;!…&gt;) in the JSON text.</summary>
    private static List<string> MentionTokens(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"<[@!][^>]*>").Select(m => m.Value)];
}
