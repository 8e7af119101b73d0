using System.Globalization;

namespace BriefingBot.Actors;

/// <summary>How a count compares with the period before, in words.</summary>
public static class Trend
{
    public static string Describe(long current, long previous, int days)
    {
        var before = $"the {days} days before";
        if (previous == 0)
        {
            return current == 0 ? "none before either" : $"new: none in {before}";
        }

        if (current == previous)
        {
            return $"level with {before}";
        }

        var change = (current - previous) * 100.0 / previous;
        return string.Create(CultureInfo.InvariantCulture, $"{(change > 0 ? "up" : "down")} {Math.Abs(change):0}% on {before} ({previous})");
    }

    /// <summary>A compact change for lists: <c>+50%</c>, <c>-20%</c>, <c>new</c>, <c>=</c>.</summary>
    public static string Short(long current, long previous)
    {
        if (previous == 0)
        {
            return current == 0 ? "=" : "new";
        }

        var change = (current - previous) * 100.0 / previous;
        return current == previous ? "=" : string.Create(CultureInfo.InvariantCulture, $"{change:+0;-0}%");
    }
}
