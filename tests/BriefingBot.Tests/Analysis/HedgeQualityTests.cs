using BriefingBot.Analysis;

namespace BriefingBot.Tests.Analysis;

public sealed class HedgeQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void IsUncertain_SzegedNews_ReachesSentenceLevelF1()
    {
        var sentences = SzegedCorpus.Read(SharedEval.Path("hedges", "szeged-news-dev.xml"));
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var sentence in sentences)
        {
            bool predicted = HedgeDetector.IsUncertain(sentence.Text);
            truePositives += predicted && sentence.IsUncertain ? 1 : 0;
            falsePositives += predicted && !sentence.IsUncertain ? 1 : 0;
            falseNegatives += !predicted && sentence.IsUncertain ? 1 : 0;
        }

        double precision = (double)truePositives / (truePositives + falsePositives);
        double recall = (double)truePositives / (truePositives + falseNegatives);
        double f1 = 2 * precision * recall / (precision + recall);
        output.WriteLine($"Szeged news: {sentences.Count} sentences, {truePositives + falseNegatives} uncertain; precision {precision:F3} recall {recall:F3} F1 {f1:F3}");

        Assert.True(sentences.Count > 1000, $"read only {sentences.Count} sentences");
        Assert.True(f1 >= 0.80, $"F1 {f1:F3} below 0.80");
    }
}
