using System.Diagnostics;
using BriefingBot.Articles;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>ingest [count]</c>: fingerprint and store generated articles into a fresh SQLite file, in batches.
/// Like a real ingestion pipeline, the next batch is fingerprinted while the current one is stored.
/// </summary>
internal static class IngestBenchmark
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("briefingbot-ingest-");
        try
        {
            var path = Path.Combine(folder.FullName, "ingest.db");
            await using var store = await BenchmarkStore.OpenSqliteAsync(path, cancellationToken);
            var generator = new ArticleGenerator(seed: 42);
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var articles = Enumerable.Range(0, count).Select(i => generator.Next(start.AddMinutes(i))).ToList();
            var words = articles.Average(a => a.Text.Split(' ').Length);
            Console.WriteLine($"generated {count} articles, {words:F0} words on average; ingesting into {path}");

            var outcomes = new Dictionary<AddOutcome, int>();
            var process = Process.GetCurrentProcess();
            var storeCpu = TimeSpan.Zero;
            var storing = new Stopwatch();
            var total = Stopwatch.StartNew();
            var next = FingerprintAsync(articles, 0, cancellationToken);
            for (var offset = 0; offset < count; offset += BatchSize)
            {
                var batch = await next;
                next = FingerprintAsync(articles, offset + BatchSize, cancellationToken);

                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                storing.Start();
                var results = await store.Articles.AddManyAsync(batch, cancellationToken);
                storing.Stop();
                process.Refresh();
                storeCpu += process.TotalProcessorTime - cpuBefore;
                foreach (var result in results)
                {
                    outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
                }
            }

            total.Stop();
            Console.WriteLine(
                $"outcomes: added {outcomes.GetValueOrDefault(AddOutcome.Added)}, added to story {outcomes.GetValueOrDefault(AddOutcome.AddedToStory)}, duplicates {outcomes.GetValueOrDefault(AddOutcome.Duplicate)}");
            Console.WriteLine($"ingest (fingerprint overlapped with store): {count / total.Elapsed.TotalSeconds:F0} articles/s, {total.Elapsed.TotalSeconds:F2} s");
            Console.WriteLine($"store only (dedupe + insert + FTS, batches of {BatchSize}): {count / storing.Elapsed.TotalSeconds:F0} articles/s, {storing.Elapsed.TotalSeconds:F2} s");

            // The machine may be shared: CPU time shows what the store costs when it has a core to itself (the overlapped fingerprinting counts too).
            Console.WriteLine($"process CPU time while storing: {storeCpu.TotalSeconds:F2} s");
            Console.WriteLine($"stored {await store.Articles.CountAsync(cancellationToken)} articles, file {new FileInfo(path).Length / 1024 / 1024} MiB");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static Task<List<NewArticle>> FingerprintAsync(List<NewArticle> articles, int offset, CancellationToken cancellationToken) =>
        Task.Run(() => articles.Skip(offset).Take(BatchSize).Select(ArticleGenerator.Fingerprint).ToList(), cancellationToken);
}
