using System.Diagnostics;

namespace BriefingBot.Benchmarks;

/// <summary><c>search [articles] [queries]</c>: search latency over a filled SQLite store (cached between runs).</summary>
internal static class SearchBenchmark
{
    private const string FilledMarker = "benchmark.filled";
    private const int Limit = 8;

    public static async Task<int> RunAsync(int articleCount, int queryCount, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "briefingbot-bench", $"search-{articleCount}-v2.db");
        await using (var probe = await BenchmarkStore.OpenSqliteAsync(path, cancellationToken))
        {
            if (await probe.Metadata.GetAsync(FilledMarker, cancellationToken) is null)
            {
                await FillAsync(probe, articleCount, cancellationToken);
            }
            else
            {
                Console.WriteLine($"reusing {path} ({await probe.Articles.CountAsync(cancellationToken)} articles)");
            }
        }

        await using var store = await BenchmarkStore.OpenSqliteAsync(path, cancellationToken);
        var queries = Queries(queryCount + 200);
        foreach (var (_, query) in queries.Take(200))
        {
            await store.Articles.SearchAsync(query, Limit, cancellationToken);
        }

        var latencies = new List<(string Kind, double Milliseconds)>(queryCount);
        var hits = 0L;
        var empty = 0;
        var clock = new Stopwatch();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        foreach (var (kind, query) in queries.Skip(200))
        {
            clock.Restart();
            var found = await store.Articles.SearchAsync(query, Limit, cancellationToken);
            latencies.Add((kind, clock.Elapsed.TotalMilliseconds));
            hits += found.Count;
            empty += found.Count == 0 ? 1 : 0;
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"{queryCount} queries (limit {Limit}): {hits / (double)queryCount:F1} hits on average, {empty} with none");
        Console.WriteLine($"CPU time per query: {cpu.TotalMilliseconds / queryCount:F2} ms (wall-clock latencies below include waiting for a core on a shared machine)");
        Report("all", [.. latencies.Select(l => l.Milliseconds)]);
        foreach (var kind in latencies.GroupBy(l => l.Kind))
        {
            Report(kind.Key, [.. kind.Select(l => l.Milliseconds)]);
        }

        return 0;
    }

    private static void Report(string kind, double[] latencies)
    {
        Array.Sort(latencies);
        Console.WriteLine(
            $"search latency ms, {kind,-14} ({latencies.Length,5}): p50 {Percentile(latencies, 0.50),6:F2}, p95 {Percentile(latencies, 0.95),6:F2}, p99 {Percentile(latencies, 0.99),6:F2}, max {latencies[^1],6:F2}");
    }

    private static async Task FillAsync(BenchmarkStore store, int articleCount, CancellationToken cancellationToken)
    {
        var generator = new ArticleGenerator(seed: 7);
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < articleCount; done += 1000)
        {
            var batch = Enumerable.Range(done, Math.Min(1000, articleCount - done))
                .Select(i => ArticleGenerator.Fingerprint(generator.Next(start.AddMinutes(i))))
                .ToList();
            await store.Articles.AddManyAsync(batch, cancellationToken);
        }

        await store.Metadata.SetAsync(FilledMarker, articleCount.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        Console.WriteLine($"filled {await store.Articles.CountAsync(cancellationToken)} articles in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>One, two and three content words (Zipf-distributed), rare words, unknown words and query syntax, shuffled.</summary>
    private static List<(string Kind, string Query)> Queries(int count)
    {
        var words = new ArticleGenerator(seed: 7);
        var queries = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = words.Next(100);
            queries.Add(kind switch
            {
                < 40 => ("one word", words.ContentWord()),
                < 70 => ("two words", $"{words.ContentWord()} {words.ContentWord()}"),
                < 85 => ("three words", $"{words.ContentWord()} {words.ContentWord()} {words.ContentWord()}"),
                < 92 => ("rare word", words.RareWord()),
                < 96 => ("query syntax", $"\"{words.ContentWord()}\" AND -{words.ContentWord()}* OR ({words.RareWord()}"),
                _ => ("unknown word", $"zzq{i}xy"),
            });
        }

        return queries;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
