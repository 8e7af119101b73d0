namespace BriefingBot.Tests.Articles.Stories;

/// <summary>Precision, recall and F1 of one way of counting.</summary>
public sealed record PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => FormattableString.Invariant($"P {Precision:F3} R {Recall:F3} F1 {F1:F3}");
}

/// <summary>
/// Scores a grouping of items against the gold one. B-cubed (Bagga and Baldwin 1998): per item, the share of its
/// predicted group that is in its gold group (precision) and the share of its gold group in its predicted group (recall),
/// averaged over items. Pairwise: over pairs of items, predicted together versus gold together.
/// </summary>
public sealed record GroupingScore(PrecisionRecall BCubed, PrecisionRecall Pairwise, int Items, int GoldGroups, int PredictedGroups)
{
    public static GroupingScore Of<TItem, TPredicted, TGold>(IReadOnlyDictionary<TItem, TPredicted> predicted, IReadOnlyDictionary<TItem, TGold> gold)
        where TItem : notnull
        where TPredicted : notnull
        where TGold : notnull
    {
        var items = gold.Keys.Where(predicted.ContainsKey).ToList();
        if (items.Count == 0)
        {
            return new GroupingScore(new PrecisionRecall(0, 0), new PrecisionRecall(0, 0), 0, 0, 0);
        }

        var predictedSize = items.CountBy(i => predicted[i]).ToDictionary();
        var goldSize = items.CountBy(i => gold[i]).ToDictionary();
        var overlap = items.CountBy(i => (predicted[i], gold[i])).ToDictionary();
        double precision = 0, recall = 0;
        foreach (var item in items)
        {
            var both = overlap[(predicted[item], gold[item])];
            precision += (double)both / predictedSize[predicted[item]];
            recall += (double)both / goldSize[gold[item]];
        }

        static double Pairs(int n) => n * (n - 1) / 2.0;
        var together = overlap.Values.Sum(Pairs);
        var predictedPairs = predictedSize.Values.Sum(Pairs);
        var goldPairs = goldSize.Values.Sum(Pairs);
        var pairwise = new PrecisionRecall(predictedPairs == 0 ? 1 : together / predictedPairs, goldPairs == 0 ? 1 : together / goldPairs);
        return new GroupingScore(
            new PrecisionRecall(precision / items.Count, recall / items.Count), pairwise, items.Count, goldSize.Count, predictedSize.Count);
    }

    public override string ToString() =>
        FormattableString.Invariant($"B-cubed {BCubed}; pairwise {Pairwise} ({Items} articles, {GoldGroups} events, {PredictedGroups} stories)");
}
