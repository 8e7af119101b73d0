using System.Diagnostics;
using System.Security.Cryptography;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>analysis-train [--rules] [--dry-run] [--summary]</c>: trains the analysis models on the tune part of shared/eval
/// (<see cref="EvalSplit"/>) and writes them to src/BriefingBot/Analysis/Models/, printing the figures of each on
/// both parts (<c>--summary</c>: the summary model only). Held-out data is only scored, never trained on.
/// </summary>
internal static class AnalysisTrainBenchmark
{
    /// <summary>Weight of a Wikipedia sentence against a news one, chosen by <c>--cv</c> on the tune part.</summary>
    private const double HedgeWikiWeight = 0.0;

    public static async Task<int> RunAsync(IReadOnlyList<string> options, CancellationToken cancellationToken)
    {
        var root = AnalyzeBenchmark.RepositoryRoot();
        var eval = SharedEvalData.FindRoot(root);
        if (eval is null)
        {
            await Console.Error.WriteLineAsync("no shared/eval folder above " + root);
            return 1;
        }

        bool useRules = options.Contains("--rules");
        bool write = !options.Contains("--dry-run");
        var models = Path.Combine(root, "src", "BriefingBot", "Analysis", "Models");
        var catalog = ActorCatalog.Load(Path.Combine(root, "config", "actors.json"));

        var summary = SummaryTrainBenchmark.Train(eval, options.Contains("--cv"));
        if (write && !options.Contains("--cv"))
        {
            await WriteAsync(Path.Combine(models, "summary.model"), summary.Save, cancellationToken);
        }

        if (options.Contains("--summary"))
        {
            return 0;
        }

        var news = SzegedCorpus.Read(Path.Combine(eval, "hedges", "szeged-news-dev.xml"));
        var wiki = SzegedCorpus.Read(Path.Combine(eval, "hedges", "szeged-wiki.xml"));
        var newsTune = EvalSplit.Part(news, s => s.Document, heldOut: false);
        if (options.Contains("--cv"))
        {
            foreach (var (weight, l2, epochs, words) in new[] { (0.0, 1e-4, 12, true), (0.0, 1e-4, 12, false), (0.0, 1e-3, 12, false), (0.3, 1e-4, 12, false) })
            {
                HedgeDetector.UseWords = words;
                var pooled = new List<(double, bool)>();
                for (int fold = 0; fold < 3; fold++)
                {
                    var foldModel = HedgeTrainer.Fit(newsTune.Where(s => HedgeTrainer.Fold(s) != fold).ToList(), wiki, weight, l2: l2, epochs: epochs);
                    pooled.AddRange(newsTune.Where(s => HedgeTrainer.Fold(s) == fold).Select(s => (foldModel.Probability(HedgeFeatures(s.Text)), s.IsUncertain)));
                }

                double threshold = HedgeTrainer.BestThreshold(pooled);
                int tp = pooled.Count(p => p.Item1 >= threshold && p.Item2), fp = pooled.Count(p => p.Item1 >= threshold && !p.Item2), fn = pooled.Count(p => p.Item1 < threshold && p.Item2);
                Console.WriteLine($"cv hedges, words {words}, wiki weight {weight}, l2 {l2}, epochs {epochs}: out-of-fold F1 {2.0 * tp / (2 * tp + fp + fn):F3} at threshold {threshold:F3}");
            }
        }

        HedgeDetector.UseWords = false;
        double wikiWeight = HedgeWikiWeight;
        if (!options.Contains("--cv"))
        {
            var hedges = HedgeTrainer.Train(newsTune, wiki, wikiWeight);
            Console.WriteLine($"hedges: trained on {newsTune.Count} news sentences (+ wiki at weight {wikiWeight}), {hedges.FeatureCount} features, threshold {hedges.Threshold:F3}");
            foreach (var heldOut in new[] { false, true })
            {
                var scores = AnalysisScoring.Uncertainty(text => HedgeDetector.IsUncertain(text, hedges), EvalSplit.Part(news, s => s.Document, heldOut));
                Console.WriteLine($"  [{(heldOut ? "held-out" : "tune")}] {scores}");
            }

            if (write)
            {
                await WriteAsync(Path.Combine(models, "hedges.model"), hedges.Save, cancellationToken);
            }
        }

        var conll = ConllCorpus.Read(Path.Combine(eval, "ner", "conll2003-dev.txt"));
        var tune = EvalSplit.Part(conll, d => d.Id, heldOut: false);
        if (options.Contains("--cv"))
        {
            CrossValidate(tune, catalog, useRules);
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var model = MentionTaggerTrainer.Train(tune, catalog, useRules, progress: Console.Error.WriteLine);
        cancellationToken.ThrowIfCancellationRequested();
        Console.WriteLine($"mentions: trained on {tune.Count} documents in {watch.Elapsed.TotalSeconds:F1} s, {model.FeatureCount} features, rule features {(useRules ? "on" : "off")}");
        var recognizer = new ActorRecognizer(catalog, model, useRules);
        foreach (var heldOut in new[] { false, true })
        {
            var scores = AnalysisScoring.Conll(recognizer, EvalSplit.Part(conll, d => d.Id, heldOut));
            foreach (var type in AnalysisScoring.ConllTypes)
            {
                Console.WriteLine($"  [{(heldOut ? "held-out" : "tune")}] {type,-5} {scores.ByType[type]}");
            }

            Console.WriteLine($"  [{(heldOut ? "held-out" : "tune")}] micro {scores.All}");
        }

        if (write)
        {
            await WriteAsync(Path.Combine(models, "mentions.model"), model.Save, cancellationToken);
        }

        return 0;
    }

    /// <summary>Three folds of the tune part (never the held-out one): how each resolver choice does on text its model did not see.</summary>
    private static void CrossValidate(IReadOnlyList<ConllDocument> tune, ActorCatalog catalog, bool useRules)
    {
        var totals = new Dictionary<string, (int Tp, int Pred, int Gold, int LocTp, int LocPred, int LocGold)>();
        for (int fold = 0; fold < 3; fold++)
        {
            var train = tune.Where((_, i) => i % 3 != fold).ToList();
            var test = tune.Where((_, i) => i % 3 == fold).ToList();
            var model = MentionTaggerTrainer.Train(train, catalog, useRules);
            foreach (var backfill in new[] { false, true })
            {
                var scores = AnalysisScoring.Conll(new ActorRecognizer(catalog, model, useRules) { Backfill = backfill }, test);
                var key = $"backfill {backfill}";
                var t = totals.GetValueOrDefault(key);
                var loc = scores.ByType["LOC"];
                totals[key] = (t.Tp + scores.All.TruePositives, t.Pred + scores.All.Predicted, t.Gold + scores.All.Gold,
                    t.LocTp + loc.TruePositives, t.LocPred + loc.Predicted, t.LocGold + loc.Gold);
            }
        }

        foreach (var (key, t) in totals)
        {
            static double F1(int tp, int pred, int gold) => 2.0 * tp / (pred + gold);
            Console.WriteLine($"cv {key}: micro F1 {F1(t.Tp, t.Pred, t.Gold):F3}, LOC F1 {F1(t.LocTp, t.LocPred, t.LocGold):F3}");
        }
    }

    private static ulong[] HedgeFeatures(string text)
    {
        var features = new List<ulong>();
        HedgeDetector.Features(text, 0, text.Length, HedgeDetector.FindCues(text, 0, text.Length), features);
        return [.. features];
    }

    private static async Task WriteAsync(string path, Action<Stream> save, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var buffer = new MemoryStream();
        save(buffer);
        await File.WriteAllBytesAsync(path, buffer.ToArray(), cancellationToken);
        Console.WriteLine($"wrote {path} ({buffer.Length / 1024} KiB, sha256 {Convert.ToHexString(SHA256.HashData(buffer.ToArray()))[..16]})");
    }
}
