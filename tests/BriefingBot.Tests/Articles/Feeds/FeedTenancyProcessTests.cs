using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>
/// Two Slack workspaces (T1, T2) on one worker process on PostgreSQL: each sees its own chat-added feeds and articles
/// plus the shared samples, never the other's, and cannot change the other's feeds.
/// </summary>
public sealed class FeedTenancyProcessTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const string Form = "application/x-www-form-urlencoded";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoWorkspaces_OnPostgres_SeeOnlyTheirOwnPlusShared()
    {
        var connection = database.ConnectionString;
        await using var site = await FeedWebServer.StartAsync();
        site.Content("t1.xml", "application/rss+xml", TestFeeds.Rss("Island Wire",
            new TestFeeds.Item("i1", "Zanzibarian ferry resumes", site.Url("i/1").AbsoluteUri, 501)));
        site.Content("t2.html", "text/html", $"""
            <html><head><title>Quokkaland council votes</title></head><body><article><h1>Quokkaland council votes</h1>
            <p>{SampleText.Paragraphs(502)}</p><p>The Quokkaland council met on Tuesday.</p></article></body></html>
            """);
        await using var slack = await FakeSlack.StartAsync(Ct);
        using var bot = new BotProcess();
        bot.Environment["BriefingBot__Urls"] = "http://127.0.0.1:0";
        bot.Environment["BriefingBot__Storage__Provider"] = "Postgres";
        bot.Environment["BriefingBot__Storage__ConnectionString"] = connection;
        bot.Environment["BriefingBot__Articles__AllowPrivateHosts"] = "true";
        bot.Environment["BriefingBot__Slack__BotToken"] = FakeSlack.BotToken;
        bot.Environment["BriefingBot__Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri;
        bot.Environment["BriefingBot__Slack__Mode"] = "Http";
        bot.Environment["BriefingBot__Slack__SigningSecret"] = SlackTestHost.SigningSecret;
        bot.Environment["BriefingBot__Slack__AdminUserIds__0"] = "UADMIN";
        await using var worker = bot.Start();
        using var client = new HttpClient { BaseAddress = await worker.WaitForListeningAddressAsync(TimeSpan.FromSeconds(240)), Timeout = TimeSpan.FromSeconds(60) };
        await worker.WaitForErrorAsync(new System.Text.RegularExpressions.Regex("Samples from"), TimeSpan.FromSeconds(240));

        Assert.Contains("Added feed #1 Island Wire", await CommandAsync(client, slack, "T1", "/feed", $"add {site.Url("t1.xml")}"), StringComparison.Ordinal);
        Assert.Contains("Added #", await CommandAsync(client, slack, "T2", "/article", $"add {site.Url("t2.html")}"), StringComparison.Ordinal);

        var t1Own = await CommandAsync(client, slack, "T1", "/article", "search Zanzibarian");
        var t2Other = await CommandAsync(client, slack, "T2", "/article", "search Zanzibarian");
        var t2Own = await CommandAsync(client, slack, "T2", "/article", "search Quokkaland");
        var t1Other = await CommandAsync(client, slack, "T1", "/article", "search Quokkaland");
        var t1Shared = await CommandAsync(client, slack, "T1", "/article", "search Pyongyang");
        var t2Shared = await CommandAsync(client, slack, "T2", "/article", "search Pyongyang");
        var t2Feeds = await CommandAsync(client, slack, "T2", "/feed", "list");
        var t2Remove = await CommandAsync(client, slack, "T2", "/feed", "remove 1");
        var t1Feeds = await CommandAsync(client, slack, "T1", "/feed", "list");

        Assert.Contains("Zanzibarian ferry resumes", t1Own, StringComparison.Ordinal);
        Assert.Contains("No articles match", t2Other, StringComparison.Ordinal);
        Assert.Contains("Quokkaland council votes", t2Own, StringComparison.Ordinal);
        Assert.Contains("No articles match", t1Other, StringComparison.Ordinal);
        Assert.Contains("Pyongyang", t1Shared, StringComparison.Ordinal);
        Assert.DoesNotContain("No articles match", t1Shared, StringComparison.Ordinal);
        Assert.Contains("Pyongyang", t2Shared, StringComparison.Ordinal);
        Assert.DoesNotContain("No articles match", t2Shared, StringComparison.Ordinal);
        Assert.Contains("No feeds yet", t2Feeds, StringComparison.Ordinal);
        Assert.Contains("There is no feed #1 in this workspace", t2Remove, StringComparison.Ordinal);
        Assert.Contains("Island Wire", t1Feeds, StringComparison.Ordinal);
    }

    /// <summary>The reply's JSON: inline, or the later response_url call when the handler was slower than the inline budget.</summary>
    private static async Task<string> CommandAsync(HttpClient client, FakeSlack slack, string team, string command, string text)
    {
        var responseId = "r" + Guid.NewGuid().ToString("N")[..8];
        var body = $"token=x&team_id={team}&channel_id=C-{team}&user_id=UADMIN&user_name=ada&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}"
            + $"&response_url={Uri.EscapeDataString(slack.ResponseUrl(responseId).AbsoluteUri)}&trigger_id=1.2.3";
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(Form);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackTestHost.Sign(SlackTestHost.SigningSecret, ts, body));
        using var response = await client.SendAsync(request, Ct);
        var inline = await response.Content.ReadAsStringAsync(Ct);
        if (!string.IsNullOrWhiteSpace(inline))
        {
            return inline;
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!slack.CallsTo("response_url").Any(c => c.Target == responseId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no answer to {command} {text}; inline: {inline}");
            await Task.Delay(25, Ct);
        }

        return slack.CallsTo("response_url").Last(c => c.Target == responseId).Body;
    }
}
