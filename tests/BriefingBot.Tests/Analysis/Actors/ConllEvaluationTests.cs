using BriefingBot.Analysis.Learning;

namespace BriefingBot.Tests.Analysis.Actors;

/// <summary>The actor-mention bars on the held-out part of CoNLL-2003 dev (<see cref="EvalSplit"/>); the tune part is printed beside it.</summary>
public sealed class ConllEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Recognize_Conll2003DevHeldOut_ReachesExactSpanF1Bars()
    {
        var documents = ConllCorpus.Read(SharedEval.Path("ner", "conll2003-dev.txt"));
        var tune = AnalysisScoring.Conll(TestCatalog.Recognizer, EvalSplit.Part(documents, d => d.Id, heldOut: false));
        var heldOut = AnalysisScoring.Conll(TestCatalog.Recognizer, EvalSplit.Part(documents, d => d.Id, heldOut: true));
        foreach (var (part, scores) in new[] { ("tune", tune), ("held-out", heldOut) })
        {
            foreach (var type in AnalysisScoring.ConllTypes)
            {
                output.WriteLine($"{part,-8} {type,-5} {scores.ByType[type]}");
            }

            output.WriteLine($"{part,-8} micro {scores.All}");
        }

        Assert.True(heldOut.Documents > 50 && heldOut.All.Gold > 1500, $"held out {heldOut.Documents} documents, {heldOut.All.Gold} entities");
        Assert.True(heldOut.ByType["LOC"].F1 >= 0.85, $"held-out LOC F1 {heldOut.ByType["LOC"].F1:F3} below 0.85");
        Assert.True(heldOut.All.F1 >= 0.75, $"held-out micro F1 {heldOut.All.F1:F3} below 0.75");
    }
}
