using System.Globalization;
using ScottPlot;

namespace BriefingBot.Actors;

/// <summary>A PNG bar chart of an actor's mentions per day (ScottPlot, drawn with SkiaSharp; no display needed).</summary>
public static class ActorChart
{
    public static byte[] Render(string actorName, DateOnly from, DateOnly to, IReadOnlyList<ActorDay> days, int width, int height) =>
        Build(actorName, from, to, days).GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>The same chart as SVG text (for the web view).</summary>
    public static string RenderSvg(string actorName, DateOnly from, DateOnly to, IReadOnlyList<ActorDay> days, int width, int height) =>
        Build(actorName, from, to, days).GetSvgXml(width, height);

    private static Plot Build(string actorName, DateOnly from, DateOnly to, IReadOnlyList<ActorDay> days)
    {
        var counts = days.ToDictionary(d => d.Day, d => d.Mentions);
        var length = to.DayNumber - from.DayNumber + 1;
        var positions = new double[length];
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            var day = from.AddDays(i);
            positions[i] = day.ToDateTime(TimeOnly.MinValue).ToOADate();
            values[i] = counts.GetValueOrDefault(day);
        }

        var plot = new Plot();
        var bars = plot.Add.Bars(positions, values);
        foreach (var bar in bars.Bars)
        {
            bar.Size = 0.8;
            bar.FillColor = Color.FromHex("#3b6ea8");
            bar.LineWidth = 0;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.Margins(bottom: 0);
        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"{actorName}: mentions per day, {from:d MMM} to {to:d MMM yyyy}"));
        plot.YLabel("mentions");
        return plot;
    }

    /// <summary>What a screen reader says instead of the chart.</summary>
    public static string AltText(string actorName, DateOnly from, DateOnly to, IReadOnlyList<ActorDay> days)
    {
        var total = days.Where(d => d.Day >= from && d.Day <= to).Sum(d => d.Mentions);
        var peak = days.Where(d => d.Day >= from && d.Day <= to).OrderByDescending(d => d.Mentions).FirstOrDefault();
        var peakText = peak is null ? "no mentions" : string.Create(CultureInfo.InvariantCulture, $"most on {peak.Day:d MMM} ({peak.Mentions})");
        return string.Create(CultureInfo.InvariantCulture,
            $"Bar chart of {actorName} mentions per day from {from:d MMM} to {to:d MMM yyyy}: {total} in all, {peakText}.");
    }
}
