using System.Globalization;
using ScottPlot;

namespace BriefingBot.Polls;

/// <summary>The PNG charts of polls and forecasts (ScottPlot). Probabilities on the x axis are percent.</summary>
public static class PollCharts
{
    private const int Width = 800;
    private const int Height = 420;

    /// <summary>Votes per ICD 203 band, each bar as wide as its band, the median as a dashed line.</summary>
    public static byte[] Votes(PollResult result, string title) => VotesPlot(result, title).GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>The votes chart as SVG text (for the web view).</summary>
    public static string VotesSvg(PollResult result, string title) => VotesPlot(result, title).GetSvgXml(Width, Height);

    private static Plot VotesPlot(PollResult result, string title)
    {
        var plot = new Plot();
        var bars = ProbabilityBand.All.Select(band => new Bar
        {
            Position = band.Midpoint,
            Size = band.High - band.Low,
            Value = result.CountByBand[band.Id],
            Label = result.CountByBand[band.Id].ToString(CultureInfo.InvariantCulture),
            FillColor = Colors.SteelBlue,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 14;
        var median = plot.Add.VerticalLine(result.MedianPercent);
        median.LinePattern = LinePattern.Dashed;
        median.Color = Colors.Crimson;
        median.LineWidth = 2;
        median.LegendText = $"median {Percent(result.MedianPercent)}";
        plot.ShowLegend(Alignment.UpperLeft);
        var edges = ProbabilityBand.All.Select(b => b.Low).Append(99).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(edges, [.. edges.Select(e => e.ToString(CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimits(0, 100, 0, Math.Max(1, result.CountByBand.Values.Max()) * 1.2);
        plot.Title(title);
        plot.XLabel("probability (%), ICD 203 bands");
        plot.YLabel("votes");
        return plot;
    }

    /// <summary>Observed frequency per 10 % bin against the diagonal of perfect calibration, with each bin's count.</summary>
    public static byte[] Calibration(IReadOnlyList<CalibrationBin> bins, string title) =>
        CalibrationPlot(bins, title).GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>The calibration chart as SVG text (for the web view).</summary>
    public static string CalibrationSvg(IReadOnlyList<CalibrationBin> bins, string title) => CalibrationPlot(bins, title).GetSvgXml(Width, Height);

    private static Plot CalibrationPlot(IReadOnlyList<CalibrationBin> bins, string title)
    {
        var plot = new Plot();
        var bars = bins.Select(bin => new Bar
        {
            Position = (bin.From + bin.To) * 50,
            Size = 9,
            Value = (bin.ObservedFrequency ?? 0) * 100,
            Label = "n=" + bin.Count.ToString(CultureInfo.InvariantCulture),
            FillColor = bin.Count == 0 ? Colors.LightGray : Colors.SteelBlue,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 12;
        var diagonal = plot.Add.Line(0, 0, 100, 100);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "perfect calibration";
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.SetLimits(0, 100, 0, 110);
        plot.Title(title);
        plot.XLabel("forecast probability (%), 10 % bins");
        plot.YLabel("happened (%)");
        return plot;
    }

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
