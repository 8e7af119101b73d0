namespace BriefingBot.Analysis.Learning;

/// <summary>
/// Trains the uncertainty model of <see cref="HedgeDetector"/>: logistic regression on Szeged sentences (news,
/// optionally the Wikipedia part at a lower weight), with the decision threshold that maximises F1 in
/// cross-validation over the training documents. Deterministic for a seed.
/// </summary>
internal static class HedgeTrainer
{
    public const int DefaultEpochs = 12;
    public const double DefaultL2 = 1e-3;
    public const int DefaultSeed = 14;

    public static LogisticModel Train(IReadOnlyList<SzegedSentence> news, IReadOnlyList<SzegedSentence> extra, double extraWeight, int seed = DefaultSeed)
    {
        // The threshold: pooled out-of-fold probabilities of three folds by document.
        var pooled = new List<(double Probability, bool Label)>();
        for (int fold = 0; fold < 3; fold++)
        {
            var model = Fit(news.Where(s => Fold(s) != fold).ToList(), extra, extraWeight, seed);
            pooled.AddRange(news.Where(s => Fold(s) == fold).Select(s => (Probability(model, s.Text), s.IsUncertain)));
        }

        return Fit(news, extra, extraWeight, seed).WithThreshold(BestThreshold(pooled));
    }

    public static LogisticModel Fit(IReadOnlyList<SzegedSentence> news, IReadOnlyList<SzegedSentence> extra, double extraWeight, int seed = DefaultSeed, double l2 = DefaultL2, int epochs = DefaultEpochs)
    {
        var examples = news.Select(s => (Features(s.Text), s.IsUncertain, 1.0))
            .Concat(extraWeight > 0 ? extra.Select(s => (Features(s.Text), s.IsUncertain, extraWeight)) : [])
            .ToList();
        return LogisticModel.Train(examples, epochs, l2, seed);
    }

    public static double BestThreshold(IReadOnlyList<(double Probability, bool Label)> scored)
    {
        double best = 0.5, bestF1 = -1;
        for (double threshold = 0.2; threshold <= 0.8001; threshold += 0.025)
        {
            int tp = scored.Count(s => s.Probability >= threshold && s.Label);
            int fp = scored.Count(s => s.Probability >= threshold && !s.Label);
            int fn = scored.Count(s => s.Probability < threshold && s.Label);
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            if (f1 > bestF1)
            {
                (best, bestF1) = (threshold, f1);
            }
        }

        return best;
    }

    public static int Fold(SzegedSentence sentence) => EvalSplit.Bucket("fold:" + sentence.Document) % 3;

    private static double Probability(LogisticModel model, string text) => model.Probability(Features(text));

    private static ulong[] Features(string text)
    {
        var features = new List<ulong>(128);
        HedgeDetector.Features(text, 0, text.Length, HedgeDetector.FindCues(text, 0, text.Length), features);
        return [.. features];
    }
}
