using BriefingBot.Analysis;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Tests.Analysis;

public sealed class HedgeQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void IsUncertain_SzegedNewsHeldOut_ReachesSentenceLevelF1()
    {
        var sentences = SzegedCorpus.Read(SharedEval.Path("hedges", "szeged-news-dev.xml"));
        var tune = AnalysisScoring.Uncertainty(HedgeDetector.IsUncertain, EvalSplit.Part(sentences, s => s.Document, heldOut: false));
        var heldOut = AnalysisScoring.Uncertainty(HedgeDetector.IsUncertain, EvalSplit.Part(sentences, s => s.Document, heldOut: true));
        output.WriteLine($"Szeged news tune:     {tune}");
        output.WriteLine($"Szeged news held-out: {heldOut}");

        Assert.True(heldOut.Sentences > 250, $"held out only {heldOut.Sentences} sentences");
        Assert.True(heldOut.F1 >= 0.80, $"held-out F1 {heldOut.F1:F3} below 0.80");
    }
}
