using System.Diagnostics;
using BriefingBot.Tests.Articles.Stories;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>stories-eval [dev.jsonl] [Stories:Key=value...]</c>: ingests the stories evaluation file into a fresh SQLite store
/// with clustering and prints pairwise and B-cubed scores for the tuning part and the held-out part. Settings after the
/// file override <c>StoriesOptions</c> (for tuning on the tuning part only).
/// </summary>
internal static class StoriesEvalBenchmark
{
    public static async Task<int> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var path = arguments.FirstOrDefault(a => !a.Contains('=', StringComparison.Ordinal))
            ?? Path.Combine(FindShared(), "eval", "stories", "dev.jsonl");
        var settings = arguments.Where(a => a.Contains('=', StringComparison.Ordinal))
            .Select(a => a.Split('=', 2))
            .Select(p => new KeyValuePair<string, string?>(p[0], p[1]))
            .ToList();
        var articles = StoryEvaluation.Load(path);
        var folder = Directory.CreateTempSubdirectory("briefingbot-stories-eval-");
        try
        {
            await using var store = await BenchmarkStore.OpenSqliteAsync(Path.Combine(folder.FullName, "eval.db"), cancellationToken, settings);
            var clock = Stopwatch.StartNew();
            var (tune, heldOut) = await StoryEvaluation.RunAsync(store.Articles, articles, cancellationToken);
            Console.WriteLine($"{articles.Count} articles from {path}, ingested and scored in {clock.Elapsed.TotalSeconds:F2} s"
                + (settings.Count == 0 ? string.Empty : $" with {string.Join(' ', settings.Select(s => $"{s.Key}={s.Value}"))}"));
            Console.WriteLine($"tune:     {tune}");
            Console.WriteLine($"held-out: {heldOut}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "eval", "stories")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/eval/stories beside any ancestor of " + AppContext.BaseDirectory);
    }
}
