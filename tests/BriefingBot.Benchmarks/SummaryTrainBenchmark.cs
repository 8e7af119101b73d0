using BriefingBot.Analysis;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Benchmarks;

/// <summary>The summary part of <c>analysis-train</c>: trains on the CNN/DailyMail tune part, prints both parts against Lead-3.</summary>
internal static class SummaryTrainBenchmark
{
    public static LogisticModel Train(string eval, bool crossValidate)
    {
        var cases = SharedEvalData.Summaries(Path.Combine(eval, "summaries", "cnndm-dev.jsonl"));
        var tune = EvalSplit.Part(cases, c => c.Id, heldOut: false);
        if (crossValidate)
        {
            CrossValidate(tune);
        }

        var model = SummaryTrainer.Train(tune);
        Console.WriteLine($"summaries: trained on {tune.Count} articles, {model.FeatureCount} features");

        // The redundancy discount is chosen on the tune part alone; the held-out part is printed for the record.
        foreach (var heldOut in new[] { false, true })
        {
            var part = EvalSplit.Part(cases, c => c.Id, heldOut);
            var lead = AnalysisScoring.Summaries(part, c => AnalysisScoring.Lead(c, SummaryTrainer.Sentences));
            var ours = Figures(part, model, SummarySelection.Default);
            string name = heldOut ? "held-out" : "tune";
            Console.WriteLine($"  [{name}] Lead-3 {lead}");
            Console.WriteLine($"  [{name}] ours   {ours}");
            Console.WriteLine($"  [{name}] ours - Lead-3: {ours.Rouge1 - lead.Rouge1:+0.00;-0.00} / {ours.Rouge2 - lead.Rouge2:+0.00;-0.00} / {ours.RougeL - lead.RougeL:+0.00;-0.00}");
        }

        return model;
    }

    /// <summary>
    /// Three folds of the tune part by article: the shipped templates, and all templates but one; each with the
    /// regularisation and selection settings. The best sum of the three differences to Lead-3 is what ships.
    /// </summary>
    private static void CrossValidate(IReadOnlyList<SummaryCase> tune)
    {
        var lead = AnalysisScoring.Summaries(tune, c => AnalysisScoring.Lead(c, SummaryTrainer.Sentences));
        foreach (int drop in new[] { -1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 })
        {
            foreach (var (l2, epochs, selection) in Settings())
            {
                SummaryFeatures.Templates = drop < 0 ? SummaryFeatures.ShippedTemplates : SummaryFeatures.AllTemplates & ~(1 << drop);
                var outOfFold = new Dictionary<string, IReadOnlyList<string>>();
                for (int fold = 0; fold < 3; fold++)
                {
                    var model = SummaryTrainer.Train(tune.Where(c => Fold(c) != fold).ToList(), epochs: epochs, l2: l2);
                    foreach (var c in tune.Where(c => Fold(c) == fold))
                    {
                        outOfFold[c.Id] = AnalysisScoring.Ours(c, SummaryTrainer.Sentences, model, selection);
                    }
                }

                var ours = AnalysisScoring.Summaries(tune, c => outOfFold[c.Id]);
                string name = (drop < 0 ? "shipped templates (position, length, centrality)" : $"without template {drop}") + $", {selection}";
                Console.WriteLine($"  cv {name}, l2 {l2}, epochs {epochs}: ours - Lead-3 {ours.Rouge1 - lead.Rouge1:+0.00;-0.00} / {ours.Rouge2 - lead.Rouge2:+0.00;-0.00} / {ours.RougeL - lead.RougeL:+0.00;-0.00}");
            }
        }

        SummaryFeatures.Templates = SummaryFeatures.ShippedTemplates;
    }

    private static IEnumerable<(double L2, int Epochs, SummarySelection Selection)> Settings() =>
        from l2 in new[] { 1e-2, 1e-1 }
        from redundancy in new[] { 0.1, 0.2, 0.3 }
        from lengthCost in new[] { 0.0, 0.05, 0.1, 0.2, 0.3 }
        select (l2, l2 < 0.05 ? 20 : 5, new SummarySelection(redundancy, lengthCost));

    private static int Fold(SummaryCase c) => EvalSplit.Bucket("fold:" + c.Id) % 3;

    private static RougeFigures Figures(IReadOnlyList<SummaryCase> cases, LogisticModel model, SummarySelection selection) =>
        AnalysisScoring.Summaries(cases, c => AnalysisScoring.Ours(c, SummaryTrainer.Sentences, model, selection));
}
