using System.Diagnostics;
using System.Text.Json;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>analyze [articles=2000]</c>: single-threaded analysis throughput (sentence splitting, hedges, actors,
/// developments) over the shared corpus and the sample articles, varied (sentences rotated, texts joined) up to the
/// requested count; the same over the CNN/DailyMail evaluation articles (longer, not about our actors); and the
/// extractive summary of a 1,000-article day.
/// </summary>
internal static class AnalyzeBenchmark
{
    private const int DaySize = 1_000;
    private const int DaySentences = 12;

    public static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var shared = Path.GetDirectoryName(SharedEvalData.FindRoot(root) ?? Path.Combine(root, "..", "shared", "eval"))!;
        var bases = Directory.EnumerateFiles(Path.Combine(root, "config", "samples"), "*.txt")
            .Concat(Directory.EnumerateFiles(Path.Combine(shared, "corpus"), "*.txt"))
            .Order(StringComparer.Ordinal)
            .Select(path => ArticleFile.Parse(File.ReadAllText(path)))
            .ToList();
        var extractor = new DevelopmentExtractor(new ActorRecognizer(ActorCatalog.Load(Path.Combine(root, "config", "actors.json"))));
        var articles = Vary(bases, count);
        Console.WriteLine($"{articles.Count} articles varied from {bases.Count} texts, {Words(articles):F0} words on average");
        Measure("analysis (split + hedges + actors + developments)", articles, a => Consume(extractor.Analyze(a.Body, a.Date)));
        Measure("  sentence splitting only", articles, a => SentenceSplitter.Split(a.Body).Count);
        Measure("  hedges only", articles, a => HedgeDetector.Detect(a.Body).Count);
        var recognizer = new ActorRecognizer(ActorCatalog.Load(Path.Combine(root, "config", "actors.json")));
        Measure("  actors only", articles, a => recognizer.Recognize(a.Body).Count);

        var cnn = CnnArticles(shared);
        if (cnn.Count > 0)
        {
            var longer = Enumerable.Range(0, count).Select(i => cnn[i % cnn.Count]).ToList();
            Console.WriteLine($"{longer.Count} CNN/DailyMail articles ({cnn.Count} distinct, repeated), {Words(longer):F0} words on average");
            Measure("analysis (split + hedges + actors + developments)", longer, a => Consume(extractor.Analyze(a.Body, a.Date)));
        }

        await SummarizeDayAsync(Vary(bases, DaySize), cancellationToken);
        return 0;
    }

    private static void Measure(string name, IReadOnlyList<Text> articles, Func<Text, int> work)
    {
        // Warm up with one whole pass: JIT tiering compiles on other threads, and its CPU time would count.
        var sink = 0;
        foreach (var article in articles)
        {
            sink += work(article);
        }

        GC.Collect();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var article in articles)
        {
            sink += work(article);
        }

        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine(
            $"{name}: {articles.Count / watch.Elapsed.TotalSeconds:F0} articles/s on one thread (wall {watch.Elapsed.TotalSeconds:F2} s), " +
            $"{articles.Count / cpu.TotalSeconds:F0} articles per CPU-second (process CPU {cpu.TotalSeconds:F2} s) [{sink}]");
    }

    private static async Task SummarizeDayAsync(IReadOnlyList<Text> day, CancellationToken cancellationToken)
    {
        var summarizer = new ExtractiveSummarizer();
        var documents = day.Select((a, i) => new SetDocument(i + 1, a.Title, a.Body)).ToList();
        await summarizer.SummarizeSetAsync(documents.Take(100).ToList(), DaySentences, cancellationToken);

        var best = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        SetSummary summary = new([]);
        for (var run = 0; run < 3; run++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            summary = await summarizer.SummarizeSetAsync(documents, DaySentences, cancellationToken);
            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            best = watch.Elapsed < best ? watch.Elapsed : best;
            bestCpu = cpu < bestCpu ? cpu : bestCpu;
        }

        Console.WriteLine(
            $"summary of a {documents.Count}-article day ({DaySentences} sentences, SummarizeSetAsync): best of 3 wall {best.TotalSeconds:F3} s, " +
            $"CPU {bestCpu.TotalSeconds:F3} s, " +
            $"{summary.Sentences.Select(s => s.DocumentId).Distinct().Count()} sources in it");
    }

    /// <summary>Article i is text i mod n with its sentences rotated, joined by the opening of the next text every third time.</summary>
    private static List<Text> Vary(List<ArticleFile> bases, int count)
    {
        var split = bases.Select(b => SentenceSplitter.Split(b.Body).Select(s => s.Text).ToArray()).ToArray();
        var articles = new List<Text>(count);
        var day = new DateOnly(2026, 5, 12);
        for (var i = 0; i < count; i++)
        {
            var sentences = split[i % split.Length];
            var shift = i / split.Length % sentences.Length;
            var body = sentences[shift..].Concat(sentences[..shift]);
            if (i % 3 == 0)
            {
                body = body.Concat(split[(i + 1) % split.Length].Take(4));
            }

            articles.Add(new Text(bases[i % bases.Count].Title + " #" + i, string.Join(' ', body), day.AddDays(-(i % 30))));
        }

        return articles;
    }

    private static List<Text> CnnArticles(string shared)
    {
        var path = Path.Combine(shared, "eval", "summaries", "cnndm-dev.jsonl");
        return !File.Exists(path)
            ? []
            : File.ReadLines(path)
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("article").GetString() ?? string.Empty)
                .Where(text => text.Length > 0)
                .Select((text, i) => new Text("CNN/DM " + i, text, new DateOnly(2015, 4, 3)))
                .ToList();
    }

    private static int Consume(DevelopmentAnalysis analysis) => analysis.Hedges.Count + analysis.Mentions.Count + analysis.Developments.Count;

    private static double Words(IReadOnlyList<Text> articles) =>
        articles.Average(a => a.Body.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BriefingBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: BriefingBot.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record Text(string Title, string Body, DateOnly Date);
}
