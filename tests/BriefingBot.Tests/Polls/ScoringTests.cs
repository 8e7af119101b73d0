using BriefingBot.Polls;

namespace BriefingBot.Tests.Polls;

public sealed class ScoringTests
{
    [Theory]
    [InlineData(0.7, true, 0.09)]
    [InlineData(0.7, false, 0.49)]
    [InlineData(1.0, true, 0.0)]
    [InlineData(0.0, true, 1.0)]
    [InlineData(0.5, false, 0.25)]
    public void Brier_ProbabilityAndOutcome_IsSquaredError(double probability, bool happened, double expected)
    {
        Assert.Equal(expected, Scoring.Brier(probability, happened), 12);
    }

    [Fact]
    public void Median_OddAndEvenCounts_MiddleOrMeanOfMiddlePair()
    {
        Assert.Equal(2, Scoring.Median([3, 1, 2]));
        Assert.Equal(2.5, Scoring.Median([4, 1, 3, 2]));
        Assert.Throws<ArgumentException>(() => Scoring.Median([]));
    }

    [Fact]
    public void Calibration_HandComputedForecasts_BinsCountsMeansAndFrequencies()
    {
        // By hand: [0,10) holds 0.05 (no) and 0.08 (yes): 2, mean 0.065, happened 1/2.
        // [10,20) holds 0.15 (no): 1, mean 0.15, 0. [90,100] holds 0.95 (yes), 0.999 (no), 1.0 (yes): 3, mean 0.983, 2/3.
        var bins = Scoring.Calibration([(0.05, false), (0.08, true), (0.15, false), (1.0, true), (0.95, true), (0.999, false)]);

        Assert.Equal(10, bins.Count);
        Assert.Equal((2, 0.065, 0.5), (bins[0].Count, Math.Round(bins[0].MeanForecast!.Value, 6), bins[0].ObservedFrequency));
        Assert.Equal((1, 0.15, 0.0), (bins[1].Count, bins[1].MeanForecast!.Value, bins[1].ObservedFrequency));
        Assert.Equal(3, bins[9].Count);
        Assert.Equal(0.983, bins[9].MeanForecast!.Value, 6);
        Assert.Equal(2.0 / 3, bins[9].ObservedFrequency!.Value, 12);
        Assert.All(bins.Skip(2).Take(7), b => Assert.Equal((0, (double?)null, (double?)null), (b.Count, b.MeanForecast, b.ObservedFrequency)));
        Assert.Equal((0.9, 1.0), (bins[9].From, bins[9].To));
    }

    [Theory]
    [InlineData(0, "almost-no-chance")]
    [InlineData(4.9, "almost-no-chance")]
    [InlineData(5, "very-unlikely")]
    [InlineData(44.9, "unlikely")]
    [InlineData(45, "even")]
    [InlineData(55, "even")]
    [InlineData(55.1, "likely")]
    [InlineData(80, "likely")]
    [InlineData(95, "very-likely")]
    [InlineData(100, "almost-certain")]
    public void ProbabilityBand_For_PercentFallsInIcd203Band(double percent, string band)
    {
        Assert.Equal(band, ProbabilityBand.For(percent).Id);
    }

    [Fact]
    public void ProbabilityBand_Midpoints_AreTheBandCentresAndFallInTheirOwnBand()
    {
        Assert.Equal([3, 12.5, 32.5, 50, 67.5, 87.5, 97], ProbabilityBand.All.Select(b => b.Midpoint));
        Assert.All(ProbabilityBand.All, b => Assert.Same(b, ProbabilityBand.For(b.Midpoint)));
    }

    [Fact]
    public void PollResult_From_MedianMeanAndCountsPerBand()
    {
        var at = DateTimeOffset.UnixEpoch;
        Vote[] votes = [new(1, "a", "A", 67.5, "likely", at), new(1, "b", "B", 12.5, "very-unlikely", at), new(1, "c", "C", 72, "likely", at), new(1, "d", "D", 97, "almost-certain", at)];

        var result = PollResult.From(votes)!;

        Assert.Equal(4, result.Voters);
        Assert.Equal(69.75, result.MedianPercent, 12);
        Assert.Equal(62.25, result.MeanPercent, 12);
        Assert.Equal("likely", result.MedianBand.Id);
        Assert.Equal(2, result.CountByBand["likely"]);
        Assert.Equal(0, result.CountByBand["even"]);
        Assert.Null(PollResult.From([]));
    }

    [Fact]
    public void PollCharts_VotesAndCalibration_ArePngImages()
    {
        var at = DateTimeOffset.UnixEpoch;
        var result = PollResult.From([new Vote(1, "a", "A", 67.5, "likely", at), new Vote(1, "b", "B", 30, "unlikely", at)])!;

        var votes = PollCharts.Votes(result, "Poll #1");
        var calibration = PollCharts.Calibration(Scoring.Calibration([(0.7, true), (0.2, false)]), "Calibration");

        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G'];
        Assert.Equal(signature, votes[..4]);
        Assert.Equal(signature, calibration[..4]);
        Assert.True(votes.Length > 5_000, $"the chart is only {votes.Length} bytes");
    }
}
