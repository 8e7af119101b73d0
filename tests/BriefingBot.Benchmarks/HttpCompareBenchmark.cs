using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>http-compare [seconds] [concurrency] [rounds]</c>: the side-by-side table in one run. Three server processes
/// at once: the bare reference (<see cref="BareEndpoints"/>), a worker that uploads charts and one with
/// <c>Actors:ChartBaseUrl</c> (both with the samples analysed, follow-up calls to <see cref="FakePlatformApis"/>).
/// Each round drives, on Slack then Discord, the bare constant reply, <c>/help actor</c>, <c>/actor North Korea</c>
/// with the chart uploaded and by URL; rounds interleave, and the table gives the medians with each workload's ratio
/// to the bare endpoint's CPU per request. Each phase's CPU includes the follow-up calls (uploads, edits) its requests
/// started: it is read once the fake platform APIs have been quiet for half a second (Slack's paced uploads can run
/// longer, so that row undercounts). <c>/help</c> runs on the chart-by-URL worker, which has no uploads in the background.
/// </summary>
internal static class HttpCompareBenchmark
{
    public static async Task<int> RunAsync(int seconds, int concurrency, int rounds, CancellationToken cancellationToken)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        await using var apis = await FakePlatformApis.StartAsync();
        await using var bare = await WorkerProcess.StartBareAsync(secret, Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), cancellationToken);
        await using var uploads = await ActorHttpBenchmark.StartWorkerAsync(apis, secret, key, byUrl: false, cancellationToken);
        await using var byUrl = await ActorHttpBenchmark.StartWorkerAsync(apis, secret, key, byUrl: true, cancellationToken);

        var trigger = 0L;
        var id = 100_000L;
        Func<HttpRequestMessage> Slack(bool help) => () => ActorHttpBenchmark.SlackRequest(secretBytes, Interlocked.Increment(ref trigger), apis.SlackResponseUrl, help);
        Func<HttpRequestMessage> Discord(bool help) => () => ActorHttpBenchmark.DiscordRequest(key, Interlocked.Increment(ref id), help);
        foreach (var worker in (WorkerProcess[])[uploads, byUrl])
        {
            var cold = await ActorHttpBenchmark.WaitForCardAsync(worker.Address, Slack(help: false), cancellationToken);
            Console.WriteLine($"worker {worker.Id}: first /actor {cold.TotalMilliseconds:F0} ms (cold card), VmRSS {worker.RssKilobytes() / 1024.0:F1} MiB");
        }

        Workload[] workloads =
        [
            new("slack", "bare constant reply", bare, Slack(help: true), "BriefingBot commands"),
            new("slack", "/help actor", byUrl, Slack(help: true), "BriefingBot commands"),
            new("slack", "/actor North Korea, chart uploaded", uploads, Slack(help: false), ActorHttpBenchmark.Actor),
            new("slack", "/actor North Korea, chart by URL", byUrl, Slack(help: false), ActorHttpBenchmark.Actor),
            new("discord", "bare constant reply", bare, Discord(help: true), "\"type\""),
            new("discord", "/help actor", byUrl, Discord(help: true), "\"type\""),
            new("discord", "/actor North Korea, chart uploaded", uploads, Discord(help: false), "\"type\""),
            new("discord", "/actor North Korea, chart by URL", byUrl, Discord(help: false), "\"type\""),
        ];
        var results = workloads.ToDictionary(w => w, _ => new List<LoadResult>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var workload in workloads)
            {
                var name = $"round {round} {workload.Platform} {workload.Name}";
                if (await HttpLoad.MeasureAsync(
                    name, workload.Server.Address, workload.Request, workload.Expected, seconds, concurrency, cancellationToken, workload.Server.CpuTime, apis.SettleAsync) is { } result)
                {
                    results[workload].Add(result);
                }
            }
        }

        Print(workloads, results, seconds, concurrency, rounds);
        return results.Values.All(r => r.Count == rounds && r.All(x => x.Failed == 0)) ? 0 : 1;
    }

    private static void Print(Workload[] workloads, Dictionary<Workload, List<LoadResult>> results, int seconds, int concurrency, int rounds)
    {
        Console.WriteLine();
        Console.WriteLine($"medians of {rounds} interleaved rounds, {seconds} s each after a 2 s warm-up, {concurrency} connections; load average now {HttpLoad.LoadAverage()}");
        Console.WriteLine("| platform | workload | req/s | p50 ms | p99 ms | server CPU µs/req | × bare | load average (per round) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var workload in workloads)
        {
            var runs = results[workload];
            if (runs.Count == 0)
            {
                Console.WriteLine($"| {workload.Platform} | {workload.Name} | no round answered its probe |  |  |  |  |  |");
                continue;
            }

            var bare = Median(results[workloads.First(w => w.Platform == workload.Platform)].Select(r => r.ServerCpuMicroseconds));
            var cpu = Median(runs.Select(r => r.ServerCpuMicroseconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {workload.Platform} | {workload.Name} | {Median(runs.Select(r => r.RequestsPerSecond)):F0} | {Median(runs.Select(r => r.P50)):F2} | {Median(runs.Select(r => r.P99)):F1} | {cpu:F0} | {cpu / bare:F2} | {string.Join(" / ", runs.Select(r => r.LoadAverage.Split(' ')[0]))} |"));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Workload(string Platform, string Name, WorkerProcess Server, Func<HttpRequestMessage> Request, string Expected);
}
