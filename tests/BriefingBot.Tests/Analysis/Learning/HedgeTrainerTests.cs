using BriefingBot.Analysis;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Tests.Analysis.Learning;

public sealed class HedgeTrainerTests
{
    private static readonly Lazy<IReadOnlyList<SzegedSentence>> Tune = new(() =>
        EvalSplit.Part(SzegedCorpus.Read(SharedEval.Path("hedges", "szeged-news-dev.xml")), s => s.Document, heldOut: false));

    [Fact]
    public void Train_SameSentencesSameSeed_SameWeightsAndThreshold()
    {
        var slice = Tune.Value.Take(400).ToList();

        Assert.Equal(ModelHash.Of(HedgeTrainer.Train(slice, [], 0, seed: 3)), ModelHash.Of(HedgeTrainer.Train(slice, [], 0, seed: 3)));
    }

    [Fact]
    public void Train_TunePart_ReproducesTheShippedModelsDecisions()
    {
        var retrained = HedgeTrainer.Train(Tune.Value, [], 0);

        var disagreements = Tune.Value.Count(s => HedgeDetector.IsUncertain(s.Text, retrained) != HedgeDetector.IsUncertain(s.Text));

        Assert.Equal(0, disagreements);
    }

    [Fact]
    public void BestThreshold_SeparableScores_PicksAThresholdBetweenThem()
    {
        var threshold = HedgeTrainer.BestThreshold([(0.9, true), (0.7, true), (0.25, false), (0.1, false)]);

        Assert.InRange(threshold, 0.25, 0.7);
    }
}
