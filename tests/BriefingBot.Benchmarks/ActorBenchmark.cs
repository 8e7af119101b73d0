using System.Diagnostics;
using System.Globalization;
using BriefingBot.Actors;
using BriefingBot.Analysis.Actors;
using BriefingBot.Chat.Commands;
using BriefingBot.Storage;
using BriefingBot.Storage.Migrations;
using BriefingBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>actor [articles] [mentions] [requests]</c>: <c>/actor</c> (card with chart, through the dispatcher) and name
/// autocomplete latency in process, over a SQLite store seeded with that many articles and mentions (cached between runs).
/// </summary>
internal static class ActorBenchmark
{
    private const string FilledMarker = "benchmark.actors.filled";

    public static async Task<int> RunAsync(int articleCount, int mentionCount, int requestCount, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), "briefingbot-bench", $"actors-{articleCount}-{mentionCount}-v1.db");
        await using var services = Build(path);
        await services.GetRequiredService<IStorageMigrator>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<ActorAliases>().LoadAsync(cancellationToken);
        var catalog = services.GetRequiredService<ActorCatalog>();
        var actors = catalog.Actors.Where(a => a.Kind is not ActorKind.Place).ToArray();
        if (await services.GetRequiredService<IMetadataStore>().GetAsync(FilledMarker, cancellationToken) is null)
        {
            await FillAsync(services, actors, articleCount, mentionCount, cancellationToken);
        }
        else
        {
            Console.WriteLine($"reusing {path}");
        }

        var dispatcher = services.GetRequiredService<CommandDispatcher>();
        var parser = services.GetRequiredService<TextCommandParser>();
        var context = CommandContext.Shell("bench");
        var random = new Random(11);
        var names = Enumerable.Range(0, requestCount + 100).Select(_ => Pick(random, actors).Name).ToList();
        var partials = Enumerable.Range(0, (requestCount * 5) + 100).Select(_ => Partial(random, Pick(random, actors).Name)).ToList();

        var cards = await MeasureAsync(names, 100, async name =>
        {
            var reply = await dispatcher.DispatchAsync(parser.Parse("/actor " + name, context).Request!, cancellationToken);
            if (reply.Image is null)
            {
                throw new InvalidOperationException($"/actor {name} answered without a chart: {reply.Text}");
            }
        });
        var service = services.GetRequiredService<ActorService>();
        var data = await MeasureAsync(names, 100, async name => await service.GetCardAsync(name, ActorScope.Operator, cancellationToken));
        var suggestions = 0L;
        var autocomplete = await MeasureAsync(partials, 100, async partial =>
            suggestions += (await dispatcher.AutocompleteAsync("actor", "name", partial, context, cancellationToken)).Count);

        Console.WriteLine($"{requestCount} /actor requests over {actors.Length} actors; {partials.Count - 100} autocomplete requests ({suggestions / (double)(partials.Count - 100):F1} suggestions on average)");
        Report("/actor (card + chart)", cards);
        Report("card data only", data);
        Report("autocomplete", autocomplete);
        return 0;
    }

    private static ServiceProvider Build(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("Storage:Provider", "Sqlite"),
            new("Storage:SqlitePath", path),
        ]).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddCommandDispatch()
            .AddStorage()
            .AddActors()
            .BuildServiceProvider();
    }

    /// <summary>Articles spread over the last year, each with ~mentions/articles mentions of Zipf-distributed actors.</summary>
    private static async Task FillAsync(ServiceProvider services, Actor[] actors, int articleCount, int mentionCount, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<SqliteDatabase>();
        var random = new Random(5);
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var perArticle = mentionCount / articleCount;
        for (var done = 0; done < articleCount; done += 5000)
        {
            var first = done;
            await database.WriteAsync((connection, transaction) =>
            {
                using var story = connection.CreateCommand();
                story.Transaction = transaction;
                using var article = connection.CreateCommand();
                article.Transaction = transaction;
                using var mention = connection.CreateCommand();
                mention.Transaction = transaction;
                story.CommandText = "INSERT INTO stories (title, created_at) VALUES ('s', 0) RETURNING id";
                article.CommandText = """
                    INSERT INTO articles (story_id, url, canonical_url, title, source, published_at, fetched_at, language, text, content_hash, minhash)
                    VALUES ($story, $url, $url, $title, 'Bench Wire', $published, $published, 'en', $title, $url, x'00') RETURNING id
                    """;
                mention.CommandText = """
                    INSERT INTO mentions (article_id, position, start, length, surface, actor_id, actor_name, kind, confidence, via)
                    VALUES ($article, $position, 0, 1, $name, $actor, $name, $kind, 1.0, 'name')
                    """;
                for (var i = first; i < Math.Min(first + 5000, articleCount); i++)
                {
                    var storyId = (long)story.ExecuteScalar()!;
                    var published = now.AddMinutes(-random.Next(365 * 24 * 60));
                    article.Parameters.Clear();
                    article.Parameters.AddWithValue("$story", storyId);
                    article.Parameters.AddWithValue("$url", $"https://bench.example/{i}");
                    article.Parameters.AddWithValue("$title", $"Bench article {i}");
                    article.Parameters.AddWithValue("$published", (published.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
                    var articleId = (long)article.ExecuteScalar()!;
                    for (var position = 0; position < perArticle; position++)
                    {
                        var actor = Pick(random, actors);
                        mention.Parameters.Clear();
                        mention.Parameters.AddWithValue("$article", articleId);
                        mention.Parameters.AddWithValue("$position", position);
                        mention.Parameters.AddWithValue("$name", actor.Name);
                        mention.Parameters.AddWithValue("$actor", actor.Id);
                        mention.Parameters.AddWithValue("$kind", actor.Kind.ToString());
                        mention.ExecuteNonQuery();
                    }
                }

                return 0;
            }, cancellationToken);
            Console.Error.Write($"\rseeded {Math.Min(done + 5000, articleCount)} articles");
        }

        await services.GetRequiredService<IMetadataStore>().SetAsync(FilledMarker, "1", cancellationToken);
        Console.Error.WriteLine();
        Console.WriteLine($"seeded {articleCount} articles and {articleCount * perArticle} mentions in {clock.Elapsed.TotalSeconds:F0} s (aggregates kept by triggers)");
    }

    /// <summary>Zipf-like: a few actors get most mentions, as in real news.</summary>
    private static Actor Pick(Random random, Actor[] actors) =>
        actors[Math.Min(actors.Length - 1, (int)(actors.Length * Math.Pow(random.NextDouble(), 3)))];

    /// <summary>What someone has typed so far: a prefix of the name, sometimes with a typo.</summary>
    private static string Partial(Random random, string name)
    {
        var length = Math.Min(name.Length, 1 + random.Next(8));
        var typed = name[..length];
        return length > 4 && random.Next(4) == 0 ? typed.Remove(random.Next(1, length - 1), 1) : typed;
    }

    private static async Task<double[]> MeasureAsync(List<string> inputs, int warmup, Func<string, Task> run)
    {
        foreach (var input in inputs.Take(warmup))
        {
            await run(input);
        }

        var latencies = new List<double>(inputs.Count - warmup);
        var clock = new Stopwatch();
        foreach (var input in inputs.Skip(warmup))
        {
            clock.Restart();
            await run(input);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    private static void Report(string what, double[] sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-22} ms ({sorted.Length,5}): p50 {Percentile(sorted, 0.50),6:F3}, p95 {Percentile(sorted, 0.95),6:F3}, p99 {Percentile(sorted, 0.99),6:F3}, max {sorted[^1],7:F3}"));

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
