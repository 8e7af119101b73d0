using System.Net;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Hosting.Operations;

/// <summary><c>GET /metrics</c> on the built worker: Prometheus text with our instruments when enabled, absent otherwise.</summary>
public sealed class MetricsProcessTests : IAsyncDisposable
{
    private readonly BotProcess bot = new();
    private FakeSlack? slack;
    private RunningBot? worker;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_PrometheusEnabledAfterACommand_ServesOurInstrumentsAsPrometheusText()
    {
        using var client = await StartAsync(prometheus: true);

        using var help = await SignedSlack.PostAsync(client, "/slack/commands", SignedSlack.CommandBody("/help", "", slack!.ResponseUrl("r1")), SignedSlack.Form, Ct);
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        using var scrape = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        var text = await scrape.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE briefingbot_commands", text, StringComparison.Ordinal);
        Assert.Matches("""briefingbot_commands_total\{[^}]*command="help"[^}]*outcome="answered"[^}]*platform="slack"[^}]*\} 1""", text);
        Assert.Contains("briefingbot_interaction_first_response_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Matches("""briefingbot_interaction_first_response_seconds_count\{[^}]*platform="slack"[^}]*\} 1""", text);
    }

    [Fact]
    public async Task Metrics_PrometheusNotEnabled_NotMapped404()
    {
        using var client = await StartAsync(prometheus: false);

        using var scrape = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        bot.Dispose();
        if (slack is not null)
        {
            await slack.DisposeAsync();
        }
    }

    private async Task<HttpClient> StartAsync(bool prometheus)
    {
        slack = await FakeSlack.StartAsync(Ct);
        bot.Environment["BriefingBot__Slack__BotToken"] = FakeSlack.BotToken;
        bot.Environment["BriefingBot__Slack__Mode"] = "Http";
        bot.Environment["BriefingBot__Slack__SigningSecret"] = SlackTestHost.SigningSecret;
        bot.Environment["BriefingBot__Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri;
        bot.Environment["BriefingBot__Articles__IngestSamples"] = "false";
        if (prometheus)
        {
            bot.Environment["BriefingBot__Telemetry__Prometheus"] = "true";
        }

        worker = bot.Start("--urls", "http://127.0.0.1:0");
        return new HttpClient { BaseAddress = await worker.WaitForListeningAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
    }
}
