using BriefingBot.Analysis;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Tests.Analysis.Learning;

public sealed class SummaryTrainerTests
{
    private static readonly Lazy<IReadOnlyList<SummaryCase>> Tune = new(() =>
        EvalSplit.Part(SharedEval.Summaries("cnndm-dev.jsonl"), c => c.Id, heldOut: false));

    [Fact]
    public void Train_SameArticlesSameSeed_SameWeights()
    {
        var slice = Tune.Value.Take(30).ToList();

        Assert.Equal(ModelHash.Of(SummaryTrainer.Train(slice, seed: 3)), ModelHash.Of(SummaryTrainer.Train(slice, seed: 3)));
    }

    [Fact]
    public void Train_TunePart_ReproducesTheShippedModelsSummaries()
    {
        var retrained = SummaryTrainer.Train(Tune.Value);

        var disagreements = Tune.Value.Count(c =>
            !AnalysisScoring.Ours(c, 3, retrained, SummarySelection.Default).SequenceEqual(AnalysisScoring.Ours(c, 3)));

        Assert.Equal(0, disagreements);
    }

    [Fact]
    public void Oracle_ReferenceIsOneSentence_PicksThatSentenceFirst()
    {
        string[] sentences = ["The weather was mild on Tuesday.", "North Korea sent troops to Russia in July.", "Officials met in Seoul."];

        var oracle = SummaryTrainer.Oracle(sentences, "North Korea sent more troops to Russia in July", 3);

        Assert.Contains(1, oracle);
        Assert.DoesNotContain(0, oracle);
    }

    [Fact]
    public void Load_ShippedSummaryModel_IsEmbedded()
    {
        var model = SentenceScorer.Shipped.Value;

        Assert.NotNull(model);
        Assert.True(model.FeatureCount > 5);
    }
}
