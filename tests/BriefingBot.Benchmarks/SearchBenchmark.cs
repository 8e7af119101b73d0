using System.Diagnostics;

namespace BriefingBot.Benchmarks;

/// <summary><c>search [articles] [queries]</c>: search latency over a filled SQLite store (cached between runs).</summary>
internal static class SearchBenchmark
{
    private const string FilledMarker = "benchmark.filled";
    private const int Limit = 8;

    public static async Task<int> RunAsync(int articleCount, int queryCount, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "briefingbot-bench", $"search-{articleCount}.db");
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
        foreach (var query in queries.Take(200))
        {
            await store.Articles.SearchAsync(query, Limit, cancellationToken);
        }

        var latencies = new double[queryCount];
        var hits = 0L;
        var empty = 0;
        var clock = new Stopwatch();
        for (var i = 0; i < queryCount; i++)
        {
            clock.Restart();
            var found = await store.Articles.SearchAsync(queries[200 + i], Limit, cancellationToken);
            latencies[i] = clock.Elapsed.TotalMilliseconds;
            hits += found.Count;
            empty += found.Count == 0 ? 1 : 0;
        }

        Array.Sort(latencies);
        Console.WriteLine($"{queryCount} queries (limit {Limit}): {hits / (double)queryCount:F1} hits on average, {empty} with none");
        Console.WriteLine(
            $"search latency ms: p50 {Percentile(latencies, 0.50):F2}, p95 {Percentile(latencies, 0.95):F2}, p99 {Percentile(latencies, 0.99):F2}, max {latencies[^1]:F2}");
        return 0;
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

    /// <summary>One, two and three common words, rare words, unknown words and query syntax, shuffled.</summary>
    private static List<string> Queries(int count)
    {
        var words = new ArticleGenerator(seed: 7);
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = words.Next(100);
            queries.Add(kind switch
            {
                < 40 => words.Word(),
                < 70 => $"{words.Word()} {words.Word()}",
                < 85 => $"{words.Word()} {words.Word()} {words.Word()}",
                < 92 => words.RareWord(),
                < 96 => $"\"{words.Word()}\" AND -{words.Word()}* OR ({words.RareWord()}",
                _ => $"zzq{i}xy",
            });
        }

        return queries;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
