using System.Diagnostics;
using BriefingBot.Articles;
using BriefingBot.Articles.Stories;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>stories [count=10000] [stored=100000]</c>: ingest with story grouping into a fresh SQLite file. First
/// <c>count</c> generated articles (throughput, outcomes, stories); then the store keeps filling up to <c>stored</c>
/// articles and each slice of <c>count</c> is timed, so the per-article cost can be read against the stored total.
/// Fingerprints and story terms are computed for the next batch while the current one is stored, as a pipeline does.
/// </summary>
internal static class StoriesBenchmark
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(int count, int stored, IReadOnlyList<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("briefingbot-stories-");
        try
        {
            var path = Path.Combine(folder.FullName, "stories.db");
            await using var store = await BenchmarkStore.OpenSqliteAsync(path, cancellationToken, settings);
            var generator = new ArticleGenerator(seed: 7);
            var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            var total = Math.Max(count, stored);
            Console.WriteLine($"load average at start: {LoadAverage()}");
            Console.WriteLine($"ingesting {total} generated articles (one a minute of publication time) in slices of {count}, batches of {BatchSize}");
            var outcomes = new Dictionary<AddOutcome, int>();
            for (var offset = 0; offset < total; offset += count)
            {
                var slice = Enumerable.Range(offset, Math.Min(count, total - offset))
                    .Select(i => generator.Next(start.AddMinutes(i)) with { PublishedAt = start.AddMinutes(i) })
                    .ToList();
                var (elapsed, storing, cpu) = await IngestAsync(store.Articles, slice, outcomes, cancellationToken);
                Console.WriteLine(
                    $"stored {offset + slice.Count,7}: {slice.Count / elapsed.TotalSeconds,6:F0} articles/s overall, store only {slice.Count / storing.TotalSeconds,6:F0} articles/s "
                    + $"({storing.TotalMilliseconds * 1000 / slice.Count:F0} µs/article wall, {cpu.TotalMilliseconds * 1000 / slice.Count:F0} µs/article CPU), load {LoadAverage()}");
                if (offset == 0)
                {
                    Console.WriteLine(
                        $"first {slice.Count}: added {outcomes.GetValueOrDefault(AddOutcome.Added)}, added to story {outcomes.GetValueOrDefault(AddOutcome.AddedToStory)}, duplicates {outcomes.GetValueOrDefault(AddOutcome.Duplicate)}");
                }
            }

            Console.WriteLine(
                $"all {total}: added {outcomes.GetValueOrDefault(AddOutcome.Added)}, added to story {outcomes.GetValueOrDefault(AddOutcome.AddedToStory)}, duplicates {outcomes.GetValueOrDefault(AddOutcome.Duplicate)}; file {new FileInfo(path).Length / 1024 / 1024} MiB");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, TimeSpan Storing, TimeSpan Cpu)> IngestAsync(
        IArticleStore store, List<NewArticle> articles, Dictionary<AddOutcome, int> outcomes, CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        var cpu = TimeSpan.Zero;
        var storing = new Stopwatch();
        var total = Stopwatch.StartNew();
        var next = PrepareAsync(articles, 0, cancellationToken);
        for (var offset = 0; offset < articles.Count; offset += BatchSize)
        {
            var batch = await next;
            next = PrepareAsync(articles, offset + BatchSize, cancellationToken);
            process.Refresh();
            var before = process.TotalProcessorTime;
            storing.Start();
            var results = await store.AddManyAsync(batch, cancellationToken);
            storing.Stop();
            process.Refresh();
            cpu += process.TotalProcessorTime - before;
            foreach (var result in results)
            {
                outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
            }
        }

        await next;
        return (total.Elapsed, storing.Elapsed, cpu);
    }

    private static Task<List<NewArticle>> PrepareAsync(List<NewArticle> articles, int offset, CancellationToken cancellationToken) =>
        Task.Run(() => articles.Skip(offset).Take(BatchSize)
            .Select(a => ArticleGenerator.Fingerprint(a) with { StoryTerms = StoryTerms.From(a.Title, a.Text) })
            .ToList(), cancellationToken);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
