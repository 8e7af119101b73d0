namespace BriefingBot.Polls;

/// <summary>The arithmetic of forecasts: Brier scores, medians and calibration bins. Probabilities are 0-1 here.</summary>
public static class Scoring
{
    /// <summary>(p - o)², 0 for a perfect forecast, 1 for the worst.</summary>
    public static double Brier(double probability, bool happened) => Math.Pow(probability - (happened ? 1 : 0), 2);

    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Ten bins of 10 %: [0, 10), [10, 20), ..., [90, 100]; each with how many forecasts, their mean and how often the event happened.</summary>
    public static IReadOnlyList<CalibrationBin> Calibration(IEnumerable<(double Probability, bool Happened)> forecasts)
    {
        var bins = Enumerable.Range(0, 10).Select(_ => new List<(double P, bool H)>()).ToArray();
        foreach (var forecast in forecasts)
        {
            bins[Math.Clamp((int)Math.Floor(forecast.Probability * 10), 0, 9)].Add(forecast);
        }

        return [.. bins.Select((items, i) => new CalibrationBin(
            i / 10.0,
            (i + 1) / 10.0,
            items.Count,
            items.Count == 0 ? null : items.Average(f => f.P),
            items.Count == 0 ? null : items.Count(f => f.H) / (double)items.Count))];
    }
}

/// <summary>Forecasts in [From, To): how many, their mean probability and the share that happened (null when empty).</summary>
public sealed record CalibrationBin(double From, double To, int Count, double? MeanForecast, double? ObservedFrequency);
