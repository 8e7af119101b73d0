using System.Security.Cryptography;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Learning;
using BriefingBot.Tests.Analysis.Actors;

namespace BriefingBot.Tests.Analysis.Learning;

public sealed class MentionTaggerTrainerTests
{
    private static readonly Lazy<IReadOnlyList<ConllDocument>> Slice = new(() =>
        EvalSplit.Part(ConllCorpus.Read(SharedEval.Path("ner", "conll2003-dev.txt")), d => d.Id, heldOut: false).Take(12).ToList());

    [Fact]
    public void Train_SameSliceSameSeed_SameWeights()
    {
        var first = Hash(MentionTaggerTrainer.Train(Slice.Value, TestCatalog.Instance, useRules: false, epochs: 3, seed: 7));
        var second = Hash(MentionTaggerTrainer.Train(Slice.Value, TestCatalog.Instance, useRules: false, epochs: 3, seed: 7));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_OtherSeed_OtherWeights()
    {
        var first = Hash(MentionTaggerTrainer.Train(Slice.Value, TestCatalog.Instance, useRules: false, epochs: 3, seed: 7));
        var other = Hash(MentionTaggerTrainer.Train(Slice.Value, TestCatalog.Instance, useRules: false, epochs: 3, seed: 8));

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Train_Slice_LearnsItsOwnSpans()
    {
        var model = MentionTaggerTrainer.Train(Slice.Value, TestCatalog.Instance, useRules: false, epochs: 5);

        var scores = AnalysisScoring.Conll(new ActorRecognizer(TestCatalog.Instance, model), Slice.Value);

        Assert.True(scores.All.F1 > 0.8, $"F1 on its own training slice {scores.All.F1:F3}");
    }

    [Fact]
    public void Save_ThenLoad_ScoresTheSame()
    {
        var model = MentionTaggerTrainer.Train(Slice.Value, TestCatalog.Instance, useRules: false, epochs: 2);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = AveragedPerceptron.Load(stream);

        var text = Slice.Value[0].Text;
        Assert.Equal(
            new ActorRecognizer(TestCatalog.Instance, model).Recognize(text),
            new ActorRecognizer(TestCatalog.Instance, loaded).Recognize(text));
        Assert.Equal(Hash(model), Hash(loaded));
    }

    [Fact]
    public void Load_ShippedMentionModel_IsEmbedded()
    {
        var model = ActorRecognizer.LoadModel("mentions.model");

        Assert.NotNull(model);
        Assert.Equal(MentionTagger.Tags.Length, model.Classes);
        Assert.True(model.FeatureCount > 1000);
    }

    private static string Hash(AveragedPerceptron model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return Convert.ToHexString(SHA256.HashData(stream.ToArray()));
    }
}
