using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>
/// Two Slack workspaces (T1, T2) on one worker process, on PostgreSQL and on SQLite: each sees its own chat-added feeds
/// and articles plus the shared samples (search, list and its count, actor cards), never the other's, and cannot change
/// the other's feeds.
/// </summary>
public sealed class FeedTenancyProcessTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TestDoubles.TempFolder folder = new();

    private const string Form = "application/x-www-form-urlencoded";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public Task TwoWorkspaces_OnPostgres_SeeOnlyTheirOwnPlusShared() =>
        RunAsync(new Dictionary<string, string> { ["Provider"] = "Postgres", ["ConnectionString"] = database.ConnectionString });

    [Fact]
    public Task TwoWorkspaces_OnSqlite_SeeOnlyTheirOwnPlusShared() =>
        RunAsync(new Dictionary<string, string> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "bot.db") });

    private static async Task RunAsync(Dictionary<string, string> storage)
    {
        await using var site = await FeedWebServer.StartAsync();
        site.Content("t1.xml", "application/rss+xml", TestFeeds.Rss("Island Wire",
            new TestFeeds.Item("i1", "Zanzibarian ferry resumes", site.Url("i/1").AbsoluteUri, 501),
            new TestFeeds.Item("i2", "Zanzibarian port reopens", site.Url("i/2").AbsoluteUri, 503)));
        site.Content("t2.html", "text/html", $"""
            <html><head><title>Quokkaland council votes</title></head><body><article><h1>Quokkaland council votes</h1>
            <p>{SampleText.Paragraphs(502)}</p><p>The Quokkaland council met on Tuesday. Vanuatu sent two observers,
            and Vanuatu said it would report back.</p></article></body></html>
            """);
        await using var slack = await FakeSlack.StartAsync(Ct);
        using var bot = new BotProcess();
        bot.Environment["BriefingBot__Urls"] = "http://127.0.0.1:0";
        foreach (var (key, value) in storage)
        {
            bot.Environment["BriefingBot__Storage__" + key] = value;
        }

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
        var t1Count = StoredCount(await CommandAsync(client, slack, "T1", "/article", "list"));
        var t2Count = StoredCount(await CommandAsync(client, slack, "T2", "/article", "list"));
        var t2Card = await CardMentioningAsync(client, slack, "T2", "Vanuatu", "Quokkaland council votes");
        var t1Card = await CommandAsync(client, slack, "T1", "/actor", "Vanuatu");

        Assert.Matches("Zanzibarian (ferry resumes|port reopens)", t1Own);
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
        Assert.Equal(t2Count + 1, t1Count);
        Assert.Contains("Quokkaland council votes", t2Card, StringComparison.Ordinal);
        Assert.Contains("Vanuatu", t1Card, StringComparison.Ordinal);
        Assert.DoesNotContain("Quokkaland", t1Card, StringComparison.Ordinal);
    }

    /// <summary>"Articles, page 1 of 3 (42 stored)": 42.</summary>
    private static long StoredCount(string reply)
    {
        var match = System.Text.RegularExpressions.Regex.Match(reply, @"\((\d+) stored\)");
        Assert.True(match.Success, reply);
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The actor card once it lists the article (analysis runs in the background after /article add).</summary>
    private static async Task<string> CardMentioningAsync(HttpClient client, FakeSlack slack, string team, string actor, string title)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var card = await CommandAsync(client, slack, team, "/actor", actor);
            if (card.Contains(title, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return card;
            }

            await Task.Delay(500, Ct);
        }
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
