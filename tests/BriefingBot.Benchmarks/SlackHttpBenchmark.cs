using System.Security.Cryptography;
using System.Text;

namespace BriefingBot.Benchmarks;

/// <summary><c>slack-http [seconds] [concurrency]</c>: signed <c>/help</c> slash commands against the worker in Slack Http mode.</summary>
internal static class SlackHttpBenchmark
{
    public static async Task<int> RunAsync(int seconds, int concurrency, CancellationToken cancellationToken)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var worker = await BenchmarkWorker.StartAsync(
            [
                "--Slack:BotToken", "xoxb-1",
                "--Slack:Mode", "Http",
                "--Slack:SigningSecret", secret,
                "--Slack:ApiBaseUrl", "http://127.0.0.1:9/",
            ],
            cancellationToken);
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var trigger = 0L;
        return await HttpLoad.RunAsync(
            "slack-http", worker.Address, () => SignedHelp(secretBytes, Interlocked.Increment(ref trigger)), "/help [command]", seconds, concurrency, cancellationToken);
    }

    /// <summary>A form-encoded <c>/help</c> slash command, signed as Slack signs: v0 HMAC-SHA256 over <c>v0:timestamp:body</c>.</summary>
    private static HttpRequestMessage SignedHelp(byte[] secret, long trigger)
    {
        var body = "token=x&team_id=T1&channel_id=C1&channel_name=general&user_id=U1&user_name=rainer&command=%2Fhelp&text="
            + $"&response_url={Uri.EscapeDataString("http://127.0.0.1:9/response")}&trigger_id={trigger}.2.3";
        return SignedRequests.Slack(secret, "/slack/commands", body);
    }
}
