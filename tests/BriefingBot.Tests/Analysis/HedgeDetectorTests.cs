using System.Globalization;
using BriefingBot.Analysis.Learning;
using BriefingBot.Analysis;

namespace BriefingBot.Tests.Analysis;

public sealed class HedgeDetectorTests
{
    [Theory]
    [InlineData("North Korea may send more troops to Russia.")]
    [InlineData("The troops could take part in combat against Ukraine.")]
    [InlineData("The deployment is likely to begin in the summer.")]
    [InlineData("Pyongyang is expected to send engineers.")]
    [InlineData("Officials believe the units are combat-ready.")]
    [InlineData("The weapons were reportedly shipped by rail.")]
    [InlineData("Seoul will respond if the troops cross the border.")]
    [InlineData("It remains to be seen whether Moscow will pay.")]
    [InlineData("That would undermine any chance of talks.")]
    public void IsUncertain_HedgedSentence_ReturnsTrue(string sentence) => Assert.True(HedgeDetector.IsUncertain(sentence));

    [Theory]
    [InlineData("The talks ended in May after three rounds.")]
    [InlineData("Officials said Russia would pay for the shells.")]
    [InlineData("As a boy he would often walk to school.")]
    [InlineData("He could not be reached for comment.")]
    [InlineData("The offer is open until 5 p.m. on Nov. 6.")]
    [InlineData("Profits rose, as expected.")]
    [InlineData("He appeared in court on Monday.")]
    [InlineData("According to Reuters, the troops arrived on Monday.")]
    [InlineData("The ministry plans to publish the figures on Friday.")]
    public void IsUncertain_FactualSentence_ReturnsFalse(string sentence) => Assert.False(HedgeDetector.IsUncertain(sentence));

    [Fact]
    public void Detect_Text_ReturnsHedgedSentenceSpansWithCuesAndLowestProbability()
    {
        const string text = "Troops arrived on Monday. According to Reuters, more may follow, possibly by August. Officials confirmed the count.";

        var hedges = HedgeDetector.Detect(text);

        var hedge = Assert.Single(hedges);
        Assert.Equal("According to Reuters, more may follow, possibly by August.", text.Substring(hedge.Start, hedge.Length));
        Assert.Equal(["According to", "may", "possibly"], hedge.Cues.Select(c => c.Text));
        Assert.Equal([HedgeKind.Attribution, HedgeKind.Modal, HedgeKind.Modal], hedge.Cues.Select(c => c.Kind));
        Assert.All(hedge.Cues, c => Assert.Equal(c.Text, text.Substring(c.Start, c.Length)));
        Assert.Equal(HedgeLexicon.Happen, hedge.Probability);
    }

    [Theory]
    [InlineData("May Happen", HedgeLexicon.Happen)]
    [InlineData("Might Happen", HedgeLexicon.Happen)]
    [InlineData("Could Happen", HedgeLexicon.Happen)]
    [InlineData("About Even", HedgeLexicon.AboutEven)]
    [InlineData("Realistic Possibility", HedgeLexicon.RealisticPossibility)]
    [InlineData("Likely", HedgeLexicon.Likely)]
    [InlineData("Highly Likely", HedgeLexicon.HighlyLikely)]
    [InlineData("Almost Certain", HedgeLexicon.AlmostCertain)]
    [InlineData("Unlikely", HedgeLexicon.Unlikely)]
    [InlineData("Highly Unlikely", HedgeLexicon.HighlyUnlikely)]
    public void Lexicon_Probability_MatchesTheSurveyMedian(string surveyTerm, double probability)
    {
        var readings = File.ReadLines(SharedEval.Path("wep", "absolute_judgements.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f.Length >= 3 && f[1] == surveyTerm && double.TryParse(f[2], CultureInfo.InvariantCulture, out _))
            .Select(f => double.Parse(f[2], CultureInfo.InvariantCulture) / 100)
            .Order()
            .ToList();

        Assert.True(readings.Count > 1000, $"{readings.Count} readings of {surveyTerm}");
        Assert.Equal(readings[readings.Count / 2], probability, 0.05);
    }
}
