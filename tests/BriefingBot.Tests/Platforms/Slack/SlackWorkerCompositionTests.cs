using System.Net;
using System.Text.Json.Nodes;
using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Hosting;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace BriefingBot.Tests.Platforms.Slack;

/// <summary>
/// The worker as Program composes it (AddBriefingBot + MapBriefingBot, Slack configured only through configuration
/// keys), with the article store faked until the storage feature lands: /help and /article search in both modes.
/// </summary>
public sealed class SlackWorkerCompositionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Worker_SocketModeConfigured_AnswersHelpAndArticleSearchOverTheSocket()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var app = await StartWorkerAsync(slack, "SocketMode");
        var session = await slack.NextSessionAsync(Ct);

        await session.SendSlashCommandAsync("env-help", "/help", "", slack.ResponseUrl("r1").AbsoluteUri, Ct);
        var help = await session.ReceiveAsync(Ct);
        await session.SendSlashCommandAsync("env-search", "/article", "search North Korea", slack.ResponseUrl("r2").AbsoluteUri, Ct);
        var search = await session.ReceiveAsync(Ct);

        Assert.Contains("/article search &lt;query&gt;", SlackJsonText.All(help["payload"]!), StringComparison.Ordinal);
        Assert.Equal("env-search", search["envelope_id"]!.GetValue<string>());
        Assert.Equal("in_channel", search["payload"]!["response_type"]!.GetValue<string>());
        var blocks = SlackJsonText.All(search["payload"]!);
        Assert.Contains("#7 Troops &amp; tanks &lt;!channel&gt;", blocks, StringComparison.Ordinal);
        Assert.Contains("https://example.com/7", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_HttpModeConfigured_AnswersSignedHelpAndArticleSearch()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var app = await StartWorkerAsync(slack, "Http");
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var help = await PostSignedAsync(client, SlackHttpEndpointTests.CommandBody("/help", "", slack));
        using var search = await PostSignedAsync(client, SlackHttpEndpointTests.CommandBody("/article", "search North Korea", slack));

        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        Assert.Contains("/help [command]", await help.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var json = JsonNode.Parse(await search.Content.ReadAsStringAsync(Ct))!;
        Assert.Contains("1 story matching", json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(slack.CallsTo("apps.connections.open"));
    }

    private static async Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackTestHost.Sign(SlackTestHost.SigningSecret, timestamp, body));
        return await client.SendAsync(request, Ct);
    }

    private static async Task<WebApplication> StartWorkerAsync(FakeSlack slack, string mode)
    {
        var commandLine = BotCommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:0",
            "--Slack:BotToken", FakeSlack.BotToken,
            "--Slack:AppToken", FakeSlack.AppToken,
            "--Slack:SigningSecret", SlackTestHost.SigningSecret,
            "--Slack:Mode", mode,
            "--Slack:ApiBaseUrl", slack.ApiBaseUrl.AbsoluteUri,
            "--Logging:LogLevel:Default", "Warning",
            "--Storage:SqlitePath", Path.Combine(Path.GetTempPath(), $"briefingbot-slack-{Guid.NewGuid():N}.db"),
            "--Articles:IngestSamples", "false",
        ]);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.ConfigurationArgs });
        builder.AddBriefingBot(commandLine);
        var store = Substitute.For<IArticleStore>();
        store.SearchAsync("North Korea", Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(
            [new ArticleSearchHit(7, "Troops & tanks <!channel>", "Reuters", "https://example.com/7", DateTimeOffset.UnixEpoch, "**North Korea** sent troops", 1.0, 7)]);
        // Chat workspaces see shared articles: every id the store is asked about is shared here.
        store.VisibleToAsync(Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => (IReadOnlySet<long>)call.Arg<IReadOnlyCollection<long>>().ToHashSet());
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(Substitute.For<IArticleIngestor>());
        var app = builder.Build();
        app.MapBriefingBot();
        await app.StartAsync(Ct);
        return app;
    }
}
