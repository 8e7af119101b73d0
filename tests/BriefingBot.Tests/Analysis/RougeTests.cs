using BriefingBot.Analysis.Learning;
namespace BriefingBot.Tests.Analysis;

public sealed class RougeTests
{
    [Fact]
    public void Tokens_Text_LowerCasesSplitsOnSymbolsAndStems() =>
        Assert.Equal(["the", "troop", "s", "were", "deploi", "in", "2024", "u", "s"], Rouge.Tokens("The troop's were DEPLOYED in 2024 (U.S.)"));

    [Fact]
    public void N_Unigrams_CountsClippedOverlap()
    {
        // candidate: the cat the cat (4); reference: the cat sat (3); overlap: the 1 + cat 1 = 2.
        var score = Rouge.N("the cat the cat", "the cat sat", 1);

        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(2.0 / 3, score.Recall, 6);
        Assert.Equal(4.0 / 7, score.F1, 6);
    }

    [Fact]
    public void N_Bigrams_CountsSharedPairs()
    {
        // candidate bigrams: police killed, killed the, the gunman; reference: the gunman, gunman was, was killed.
        var score = Rouge.N("police killed the gunman", "the gunman was killed", 2);

        Assert.Equal(1.0 / 3, score.F1, 6);
    }

    [Fact]
    public void L_WholeSequence_UsesLongestCommonSubsequence()
    {
        // LCS of "police killed the gunman" and "the gunman was killed by police" is "the gunman" (2).
        var score = Rouge.L("police killed the gunman", "the gunman was killed by police");

        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(2.0 / 6, score.Recall, 6);
        Assert.Equal(0.4, score.F1, 6);
    }

    [Fact]
    public void LSum_TwoSentences_UnitesTheLcsOfEachCandidateSentence()
    {
        // The worked example of Lin (2004): r = w1 w2 w3 w4 w5, c1 = w1 w2 w6 w7 w8, c2 = w1 w3 w8 w9 w5.
        // Union LCS with r is w1 w2 w3 w5: 4 hits; recall 4/5, precision 4/10.
        var score = Rouge.LSum(["w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"], ["w1 w2 w3 w4 w5"]);

        Assert.Equal(0.8, score.Recall, 6);
        Assert.Equal(0.4, score.Precision, 6);
    }

    [Fact]
    public void N_NoOverlap_ScoresZero() => Assert.Equal(0, Rouge.N("alpha beta", "gamma delta", 1).F1);
}
