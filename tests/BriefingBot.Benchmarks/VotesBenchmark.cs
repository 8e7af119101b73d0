using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using BriefingBot.Chat;
using BriefingBot.Polls;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>votes [users] [clicks] [connections]</c>: <c>users</c> simulated people press a vote button at once, each <c>clicks</c> times
/// (double clicks), through the signed HTTP endpoints of Discord (<c>POST /discord/interactions</c>, Ed25519) and Slack
/// (<c>POST /slack/interactivity</c>, v0 HMAC). Passes when every user's vote is counted exactly once per poll and the
/// p99 response time of each endpoint is within 3 s. Requests wait for one of <c>connections</c> keep-alive connections
/// (as a platform's delivery pool would), and that wait counts in the response time.
/// </summary>
internal static class VotesBenchmark
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public static async Task<int> RunAsync(int users, int clicks, int connections, CancellationToken cancellationToken)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var worker = await BenchmarkWorker.StartAsync(
            [
                "--Discord:Token", "x",
                "--Discord:ApplicationId", "1",
                "--Discord:Mode", "Http",
                "--Discord:PublicKey", Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
                "--Slack:BotToken", "xoxb-1",
                "--Slack:Mode", "Http",
                "--Slack:SigningSecret", secret,
                // Nothing listens there: message edits and response_url answers fail fast; their logs are silenced.
                "--Discord:ApiBaseUrl", "http://127.0.0.1:9/",
                "--Slack:ApiBaseUrl", "http://127.0.0.1:9/",
                "--Logging:LogLevel:BriefingBot", "Critical",
            ],
            cancellationToken);
        var store = worker.Services.GetRequiredService<IPollStore>();
        var discordPoll = await CreatePollAsync(store, "discord", "222222222222222222", cancellationToken);
        var slackPoll = await CreatePollAsync(store, "slack", "C1", cancellationToken);
        Console.WriteLine($"votes: {users} users x {clicks} click(s) at once per platform over at most {connections} connections; load average before {LoadAverage()}");

        // Warm-up on polls of their own (JIT, connection pools), as the other load verbs warm up; not counted.
        var warmDiscord = await CreatePollAsync(store, "discord", "222222222222222222", cancellationToken);
        var warmSlack = await CreatePollAsync(store, "slack", "C1", cancellationToken);
        await BurstAsync("discord warm-up", worker.Address, 100, 1, connections, (user, click) => DiscordVote(key, warmDiscord, user, click), null, cancellationToken);
        await BurstAsync("slack warm-up", worker.Address, 100, 1, connections, (user, click) => SlackVote(secret, warmSlack, user, click), null, cancellationToken);

        var discord = await BurstAsync("discord", worker.Address, users, clicks, connections,
            (user, click) => DiscordVote(key, discordPoll, user, click), "Your vote on poll", cancellationToken);
        var slack = await BurstAsync("slack", worker.Address, users, clicks, connections,
            (user, click) => SlackVote(secret, slackPoll, user, click), null, cancellationToken);

        var ok = await CheckCountedAsync("discord", store, discordPoll, users, cancellationToken) & discord;
        ok = await CheckCountedAsync("slack", store, slackPoll, users, cancellationToken) & slack & ok;
        Console.WriteLine($"votes: load average after {LoadAverage()}; {(ok ? "PASS" : "FAIL")}");
        return ok ? 0 : 1;
    }

    private static async Task<long> CreatePollAsync(IPollStore store, string platform, string channel, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var poll = await store.CreateAsync(
            new NewPoll(platform, channel, "creator", "Creator", "Will the benchmark pass?", null, [], now, now.AddHours(1), DateOnly.FromDateTime(now.AddDays(2).UtcDateTime)),
            cancellationToken);
        await store.SetMessageAsync(poll.Id, new MessageRef(platform, channel, "1"), cancellationToken);
        return poll.Id;
    }

    /// <summary>Sends every click of every user at once; each answer must be 200 (and contain <paramref name="expected"/> when given).</summary>
    private static async Task<bool> BurstAsync(
        string name, Uri address, int users, int clicks, int connections, Func<int, int, HttpRequestMessage> create, string? expected, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, users).SelectMany(user => Enumerable.Range(0, clicks).Select(click => Task.Run(async () =>
        {
            using var request = create(user, click);
            await start.Task.WaitAsync(cancellationToken);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK || (expected is not null && !body.Contains(expected, StringComparison.Ordinal)))
                {
                    failures.Add($"HTTP {(int)response.StatusCode}: {body[..Math.Min(200, body.Length)]}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                failures.Add(ex.GetType().Name + ": " + ex.Message);
            }
        }, cancellationToken))).ToList();
        clock.Restart();
        start.SetResult();
        await Task.WhenAll(tasks);
        var elapsed = clock.Elapsed;

        var sorted = latencies.Order().ToArray();
        if (sorted.Length == 0)
        {
            Console.WriteLine($"votes/{name}: no answer at all; first failure: {failures.FirstOrDefault()}");
            return false;
        }

        var p99 = Percentile(sorted, 0.99);
        Console.WriteLine(
            $"votes/{name}: {sorted.Length} answered in {elapsed.TotalSeconds:F2} s, {failures.Count} failed{(failures.IsEmpty ? string.Empty : $" (first: {failures.First()})")}; "
            + $"response ms p50 {Percentile(sorted, 0.50):F0}, p99 {p99:F0}, max {sorted[^1]:F0} (budget {Budget.TotalMilliseconds:F0})");
        return failures.IsEmpty && p99 <= Budget.TotalMilliseconds;
    }

    /// <summary>Slack answers before it votes, so the store is polled until the count settles.</summary>
    private static async Task<bool> CheckCountedAsync(string name, IPollStore store, long pollId, int users, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            count = await store.CountVotesAsync(pollId, cancellationToken);
            if (count >= users)
            {
                break;
            }

            await Task.Delay(50, cancellationToken);
        }

        await Task.Delay(500, cancellationToken);
        count = await store.CountVotesAsync(pollId, cancellationToken);
        var distinct = (await store.ListVotesAsync(pollId, cancellationToken)).Select(v => v.UserId).Distinct().Count();
        Console.WriteLine($"votes/{name}: {count} vote rows for {users} users ({distinct} distinct), all stored after {clock.Elapsed.TotalSeconds:F2} s");
        return count == users && distinct == users;
    }

    private static HttpRequestMessage DiscordVote(Key key, long pollId, int user, int click)
    {
        var band = ProbabilityBand.All[(user + click) % ProbabilityBand.All.Count].Id;
        var id = (1_000_000L + (user * 10) + click).ToString(CultureInfo.InvariantCulture);
        return SignedRequests.Discord(
            key,
            $$"""{"id":"{{id}}","application_id":"1","type":3,"token":"bench-token-{{id}}","version":1,"channel_id":"222222222222222222","guild_id":"333333333333333333","member":{"user":{"id":"{{5_000_000 + user}}","username":"u{{user}}"},"permissions":"0"},"message":{"id":"1","channel_id":"222222222222222222"},"data":{"custom_id":"poll:vote:{{pollId}}:{{band}}","component_type":2} }""");
    }

    private static HttpRequestMessage SlackVote(string secret, long pollId, int user, int click)
    {
        var band = ProbabilityBand.All[(user + click) % ProbabilityBand.All.Count].Id;
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = $"U{user:D6}", ["username"] = $"u{user}" },
            ["channel"] = new JsonObject { ["id"] = "C1" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1", ["channel_id"] = "C1" },
            ["response_url"] = "http://127.0.0.1:9/response",
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = $"poll:vote:{pollId}:{band}", ["type"] = "button", ["block_id"] = "b" }),
        };
        return SignedRequests.Slack(Encoding.UTF8.GetBytes(secret), "/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
