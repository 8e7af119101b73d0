using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>actor-http [seconds] [concurrency] [actor|actor-url|help]</c>: signed <c>/actor North Korea</c> (or <c>/help actor</c>)
/// through the Slack (<c>/slack/commands</c>) and Discord (<c>/discord/interactions</c>) endpoints of one worker
/// process that ingested and analysed the samples; its follow-up calls (chart upload, deferred edit) go to
/// <see cref="FakePlatformApis"/>. <c>actor-url</c> sets Actors:ChartBaseUrl, so the chart is shown by URL instead of
/// uploaded. Prints req/s, p50/p99 and the worker's CPU per request, for each platform.
/// </summary>
internal static class ActorHttpBenchmark
{
    public const string Actor = "North Korea";

    public static async Task<int> RunAsync(int seconds, int concurrency, string command, CancellationToken cancellationToken)
    {
        var help = string.Equals(command, "help", StringComparison.OrdinalIgnoreCase);
        var byUrl = string.Equals(command, "actor-url", StringComparison.OrdinalIgnoreCase);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        await using var apis = await FakePlatformApis.StartAsync();
        await using var worker = await StartWorkerAsync(apis, secret, key, byUrl, cancellationToken);

        var trigger = 0L;
        HttpRequestMessage Slack() => SlackRequest(secretBytes, Interlocked.Increment(ref trigger), apis.SlackResponseUrl, help);
        var cold = await WaitForCardAsync(worker.Address, Slack, cancellationToken);
        Console.WriteLine($"first /actor of the process (cold: chart engine loaded, card built): {cold.TotalMilliseconds:F0} ms");
        Console.WriteLine($"worker pid {worker.Id}: VmRSS {worker.RssKilobytes() / 1024.0:F1} MiB with the samples analysed");

        var name = help ? "help" : byUrl ? "actor-url" : "actor";
        var before = apis.Requests;
        var slack = await HttpLoad.RunAsync($"slack-{name}", worker.Address, Slack, help ? "BriefingBot commands" : Actor, seconds, concurrency, cancellationToken, worker.CpuTime);
        Console.WriteLine($"slack-{name}: {apis.Requests - before} follow-up calls to the fake platform APIs");

        var id = 100_000L;
        before = apis.Requests;
        var discord = await HttpLoad.RunAsync(
            $"discord-{name}", worker.Address, () => DiscordRequest(key, Interlocked.Increment(ref id), help), "\"type\"", seconds, concurrency, cancellationToken, worker.CpuTime);
        Console.WriteLine($"discord-{name}: {apis.Requests - before} follow-up calls to the fake platform APIs");
        Console.WriteLine($"worker VmRSS after the load {worker.RssKilobytes() / 1024.0:F1} MiB");
        return slack == 0 && discord == 0 ? 0 : 1;
    }

    /// <summary>A worker in Slack and Discord Http mode whose platform calls go to <paramref name="apis"/>; with the chart by URL or uploaded.</summary>
    public static Task<WorkerProcess> StartWorkerAsync(FakePlatformApis apis, string secret, Key key, bool byUrl, CancellationToken cancellationToken) =>
        WorkerProcess.StartAsync(
            [
                "--Slack:BotToken", "xoxb-1",
                "--Slack:Mode", "Http",
                "--Slack:SigningSecret", secret,
                "--Slack:ApiBaseUrl", apis.SlackApiBase.AbsoluteUri,
                "--Discord:Token", "x",
                "--Discord:ApplicationId", "1",
                "--Discord:Mode", "Http",
                "--Discord:PublicKey", Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
                "--Discord:ApiBaseUrl", apis.DiscordApiBase.AbsoluteUri,
                .. byUrl ? ["--Actors:ChartBaseUrl", "https://bot.example/"] : Array.Empty<string>(),
            ],
            null,
            cancellationToken);

    /// <summary>Asks until the card lists articles: the samples are ingested at start and analysed in the background.</summary>
    /// <returns>How long the first request took.</returns>
    public static async Task<TimeSpan> WaitForCardAsync(Uri address, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        TimeSpan? first = null;
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var message = request();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(message, cancellationToken);
            first ??= System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode && !body.Contains("No stored article mentions", StringComparison.Ordinal))
            {
                // Let the analysis of the remaining samples finish too.
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                return first.Value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the card did not list articles within 2 minutes: {(int)response.StatusCode} {body}");
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    public static HttpRequestMessage SlackRequest(byte[] secret, long trigger, Uri responseUrl, bool help)
    {
        var (command, text) = help ? ("/help", "actor") : ("/actor", Actor);
        var body = $"token=x&team_id=T1&channel_id=C1&channel_name=general&user_id=U1&user_name=rainer&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}"
            + $"&response_url={Uri.EscapeDataString($"{responseUrl.AbsoluteUri}/{trigger}")}&trigger_id={trigger}.2.3";
        return SignedRequests.Slack(secret, "/slack/commands", body);
    }

    public static HttpRequestMessage DiscordRequest(Key key, long id, bool help)
    {
        var (command, option, value) = help ? ("help", "command", "actor") : ("actor", "name", Actor);
        return SignedRequests.Discord(
            key,
            $$"""{"id":"{{id}}","application_id":"1","type":2,"token":"bench-token-{{id}}","version":1,"channel_id":"222222222222222222","guild_id":"333333333333333333","member":{"user":{"id":"444444444444444444","username":"ana","global_name":"Ana"},"permissions":"0","nick":null},"data":{"id":"999","name":"{{command}}","type":1,"options":[{"name":"{{option}}","type":3,"value":"{{value}}"}]} }""");
    }
}
