using System.Diagnostics;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Digests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>digest-build [articles] [runs]</c>: stores generated articles (as <c>ingest</c> does, each opening with a sentence
/// that names catalogued actors and a hedged claim), analyses and stores every one (developments merged by the store), then times composing a digest
/// from all of them as new (Discord budget, 10 and 50 items).
/// </summary>
internal static class DigestBenchmark
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(int count, int runs, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("briefingbot-digest-");
        try
        {
            var path = Path.Combine(folder.FullName, "digest.db");
            await using var store = await BenchmarkStore.OpenSqliteAsync(path, cancellationToken);
            var catalog = ActorCatalog.Load(Path.Combine(AppContext.BaseDirectory, "config", "actors.json"));
            var extractor = new DevelopmentExtractor(new ActorRecognizer(catalog));
            var fireTime = new DateTimeOffset(2026, 1, 3, 8, 0, 0, TimeSpan.Zero);

            var setup = Stopwatch.StartNew();
            var generator = new ArticleGenerator(seed: 7);
            var random = new Random(7);
            var stored = 0;
            for (var offset = 0; offset < count; offset += BatchSize)
            {
                var batch = Enumerable.Range(offset, Math.Min(BatchSize, count - offset))
                    .Select(i => generator.Next(fireTime.AddMinutes(-count + i)))
                    .Select(a => ArticleGenerator.Fingerprint(a with { Text = Opening(catalog, random) + " " + a.Text }))
                    .ToList();
                var results = await store.Articles.AddManyAsync(batch, cancellationToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (results[i].Outcome == AddOutcome.Duplicate)
                    {
                        continue;
                    }

                    var analysis = extractor.Analyze(batch[i].Text, DateOnly.FromDateTime(fireTime.UtcDateTime));
                    await store.Analysis.SaveAsync(results[i].ArticleId, analysis, cancellationToken);
                    stored++;
                }
            }

            var developments = store.Services.GetRequiredService<IDevelopmentStore>();
            Console.WriteLine($"stored and analysed {stored} articles in {setup.Elapsed.TotalSeconds:F1} s; {path}");
            var composer = new DigestComposer(
                store.Services.GetRequiredService<IDigestSource>(), store.Articles, developments, new ExtractiveSummarizer(), catalog,
                [], NullLogger<DigestComposer>.Instance);
            var source = store.Services.GetRequiredService<IDigestSource>();
            for (var run = 0; run < runs; run++)
            {
                var queries = Stopwatch.StartNew();
                var rows = await source.ListStoriesStoredSinceAsync(fireTime.AddDays(-30), null, cancellationToken);
                var listed = queries.Elapsed.TotalMilliseconds;
                var counts = await source.CountActorMentionsAsync([.. rows.Select(r => r.Id)], cancellationToken);
                Console.WriteLine($"queries: {rows.Count} article rows in {listed:F0} ms, {counts.Count} actor counts in {queries.Elapsed.TotalMilliseconds - listed:F0} ms");
            }

            foreach (var (maxItems, filter) in new[] { (10, (string?)null), (50, null), (10, "Pyongyang"), (10, "minister") })
            {
                var request = new DigestRequest("discord", "C1", fireTime.AddDays(-30), new HashSet<long>(), filter, maxItems, "Europe/London", fireTime);
                var times = new List<double>();
                DigestContent? content = null;
                for (var run = 0; run < runs; run++)
                {
                    var watch = Stopwatch.StartNew();
                    content = await composer.ComposeAsync(request, cancellationToken);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine(
                    $"digest-build maxItems={maxItems} filter={filter ?? "none"}: {content!.StoryIds.Count} stories in {content.Messages.Count} messages; "
                    + $"min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms over {runs} runs");
                Console.WriteLine("  " + content.Messages[0].Text);
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string Opening(ActorCatalog catalog, Random random)
    {
        var first = catalog.Actors[random.Next(Math.Min(60, catalog.Actors.Count))];
        var second = catalog.Actors[random.Next(catalog.Actors.Count)];
        return $"Officials in {first.Name} said {second.Name} may impose new sanctions next week, according to a ministry statement. "
            + $"{first.Name} rejected the report.";
    }
}
