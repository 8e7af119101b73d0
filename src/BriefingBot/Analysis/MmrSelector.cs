namespace BriefingBot.Analysis;

/// <summary>Maximal marginal relevance: greedily takes the best candidate, discounted by its likeness to those taken.</summary>
internal static class MmrSelector
{
    /// <param name="maxSimilarity">A candidate this like one already taken is skipped outright (the same fact again).</param>
    public static List<int> Select(
        IReadOnlyList<int> candidates,
        Func<int, double> score,
        Func<int, int, double> similarity,
        int count,
        double redundancyWeight,
        double maxSimilarity = 1.01)
    {
        var chosen = new List<int>(count);
        var open = candidates.ToList();
        while (chosen.Count < count && open.Count > 0)
        {
            int best = -1;
            double bestValue = double.NegativeInfinity;
            foreach (int candidate in open)
            {
                double redundancy = chosen.Count == 0 ? 0 : chosen.Max(c => similarity(candidate, c));
                double value = score(candidate) - redundancyWeight * redundancy;
                if (redundancy < maxSimilarity && value > bestValue)
                {
                    best = candidate;
                    bestValue = value;
                }
            }

            if (best < 0)
            {
                break;
            }

            chosen.Add(best);
            open.Remove(best);
        }

        return chosen;
    }
}
