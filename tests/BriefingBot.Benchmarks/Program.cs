using System.Globalization;

namespace BriefingBot.Benchmarks;

/// <summary>
/// Load tools (run in Release); the usage line below lists every verb with its arguments.
/// Load tools (run in Release): storage, <c>ingest [count]</c> and <c>search [articles] [queries]</c>; the worker's chat
/// endpoints, <c>discord-http [seconds] [concurrency]</c> and <c>slack-http [seconds] [concurrency]</c>; digests, <c>digest-delivery [channels]</c>.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0].ToLowerInvariant() : string.Empty;
        switch (verb)
        {
            case "ingest":
                return await IngestBenchmark.RunAsync(Argument(args, 1, 10_000), CancellationToken.None);
            case "stories":
                return await StoriesBenchmark.RunAsync(
                    Argument(args, 1, 10_000),
                    Argument(args, 2, 100_000),
                    [.. args.Skip(1).Where(a => a.Contains('=', StringComparison.Ordinal)).Select(a => a.Split('=', 2)).Select(p => new KeyValuePair<string, string?>(p[0], p[1]))],
                    CancellationToken.None);
            case "stories-eval":
                return await StoriesEvalBenchmark.RunAsync(args[1..], CancellationToken.None);
            case "search":
                return await SearchBenchmark.RunAsync(Argument(args, 1, 100_000), Argument(args, 2, 2_000), CancellationToken.None);
            case "analyze":
                return await AnalyzeBenchmark.RunAsync(Argument(args, 1, 2_000), CancellationToken.None);
            case "analysis-eval":
                return await AnalysisEvalBenchmark.RunAsync(CancellationToken.None);
            case "analysis-train":
                return await AnalysisTrainBenchmark.RunAsync(args.Skip(1).ToList(), CancellationToken.None);
            case "actor":
                return await ActorBenchmark.RunAsync(Argument(args, 1, 100_000), Argument(args, 2, 1_000_000), Argument(args, 3, 2_000), CancellationToken.None);
            case "digest-build":
                return await DigestBenchmark.RunAsync(Argument(args, 1, 10_000), Argument(args, 2, 5), CancellationToken.None);
            case "discord-http":
                return await DiscordHttpBenchmark.RunAsync(Argument(args, 1, 10), Argument(args, 2, 32), CancellationToken.None);
            case "slack-http":
                return await SlackHttpBenchmark.RunAsync(Argument(args, 1, 10), Argument(args, 2, 32), CancellationToken.None);
            case "actor-http":
                return await ActorHttpBenchmark.RunAsync(Argument(args, 1, 10), Argument(args, 2, 32), args.Length > 3 ? args[3] : "actor", CancellationToken.None);
            case "http-compare":
                return await HttpCompareBenchmark.RunAsync(Argument(args, 1, 10), Argument(args, 2, 32), Argument(args, 3, 3), CancellationToken.None);
            case "bare-server":
                return await BareEndpoints.RunAsync(Argument(args, 1, 0), args[2], args[3]);
            case "startup":
                return await StartupBenchmark.RunAsync(
                    Argument(args, 1, 5), args.Length > 2 && args[2] != "-" ? args[2] : null, CancellationToken.None, Argument(args, 3, 2));
            case "votes":
                return await VotesBenchmark.RunAsync(Argument(args, 1, 1_000), Argument(args, 2, 1), Argument(args, 3, 64), CancellationToken.None);
            case "digest-delivery":
                return await DigestDeliveryBenchmark.RunAsync(Argument(args, 1, 1_000), CancellationToken.None);
            default:
                await Console.Error.WriteLineAsync("usage: BriefingBot.Benchmarks ingest [count=10000] | stories-eval [dev.jsonl] [Stories:Key=value...] | search [articles=100000] [queries=2000] | analyze [articles=2000] | analysis-eval | analysis-train [--rules] [--dry-run] | actor [articles=100000] [mentions=1000000] [requests=2000] | digest-build [articles=10000] [runs=5] | digest-delivery [channels=1000] | discord-http [seconds=10] [concurrency=32] | slack-http [seconds=10] [concurrency=32] | actor-http [seconds=10] [concurrency=32] [actor|help] | startup [runs=5] [BriefingBot.dll] | votes [users=1000] [clicks=1] [connections=64] | stories [count=10000] [stored=100000] | http-compare [seconds=10] [concurrency=32] [rounds=3]");
                return 2;
        }
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
