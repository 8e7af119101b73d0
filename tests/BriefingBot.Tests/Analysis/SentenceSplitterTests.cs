using BriefingBot.Analysis;

namespace BriefingBot.Tests.Analysis;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Troops left the U.S. on Monday. They arrived in Seoul.", "Troops left the U.S. on Monday.|They arrived in Seoul.")]
    [InlineData("The U.K. Foreign Office said so. Others disagreed.", "The U.K. Foreign Office said so.|Others disagreed.")]
    [InlineData("He was born in the U.S. The family moved later.", "He was born in the U.S.|The family moved later.")]
    [InlineData("It is a U.S. Army unit.", "It is a U.S. Army unit.")]
    public void Split_CountryInitialisms_SplitOnlyBeforeASentenceOpener(string text, string expected) =>
        AssertSplit(text, expected);

    [Theory]
    [InlineData("Mr. Smith met Mrs. Jones and Dr. Brown. They talked.", "Mr. Smith met Mrs. Jones and Dr. Brown.|They talked.")]
    [InlineData("Gen. Kim and Lt. Col. Park arrived. Sen. Warren and Rep. Cole spoke.", "Gen. Kim and Lt. Col. Park arrived.|Sen. Warren and Rep. Cole spoke.")]
    [InlineData("Gov. Newsom visited St. Louis. He left.", "Gov. Newsom visited St. Louis.|He left.")]
    public void Split_Titles_NeverEndASentence(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("The talks began on Jan. 5 and ended Feb. 20. Nothing was agreed.", "The talks began on Jan. 5 and ended Feb. 20.|Nothing was agreed.")]
    [InlineData("Sept. 11 changed everything. Dec. 7 did too.", "Sept. 11 changed everything.|Dec. 7 did too.")]
    [InlineData("He lives at No. 10 Downing Street. He answered No. Then he left.", "He lives at No. 10 Downing Street.|He answered No.|Then he left.")]
    public void Split_MonthsAndNumbers_DoNotEndBeforeANumber(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("Apple Inc. Chief Tim Cook spoke. Acme Corp. The rest followed.", "Apple Inc. Chief Tim Cook spoke.|Acme Corp.|The rest followed.")]
    [InlineData("Bring fruit, e.g. Apples, or nuts, i.e. Walnuts. Then go.", "Bring fruit, e.g. Apples, or nuts, i.e. Walnuts.|Then go.")]
    [InlineData("It was Brazil vs. Germany. Germany won.", "It was Brazil vs. Germany.|Germany won.")]
    [InlineData("They sold pens, paper, etc. The shop closed.", "They sold pens, paper, etc.|The shop closed.")]
    public void Split_CompanyAndLatinAbbreviations_SplitOnlyWhereASentenceEnds(string text, string expected) =>
        AssertSplit(text, expected);

    [Theory]
    [InlineData("J. R. R. Tolkien wrote it. George W. Bush read it.", "J. R. R. Tolkien wrote it.|George W. Bush read it.")]
    public void Split_Initials_StayInTheSentence(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("Growth was 3.5 per cent. It rose to 6,000.25 units.", "Growth was 3.5 per cent.|It rose to 6,000.25 units.")]
    public void Split_Decimals_StayInTheSentence(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("He waited... and waited. Nothing came.", "He waited... and waited.|Nothing came.")]
    [InlineData("He waited... Then he left.", "He waited...|Then he left.")]
    [InlineData("It was over… Or was it?", "It was over…|Or was it?")]
    public void Split_Ellipses_SplitOnlyBeforeACapital(string text, string expected) => AssertSplit(text, expected);

    [Theory]
    [InlineData("\"He left.\" Then she spoke.", "\"He left.\"|Then she spoke.")]
    [InlineData("“We will win.” He smiled. (It was late.) They went home.", "“We will win.”|He smiled.|(It was late.)|They went home.")]
    [InlineData("\"Go!\" he shouted. Nobody moved.", "\"Go!\" he shouted.|Nobody moved.")]
    [InlineData("Is it true? \"Yes,\" she said.", "Is it true?|\"Yes,\" she said.")]
    public void Split_QuotesAndBrackets_StayWithTheirSentence(string text, string expected) => AssertSplit(text, expected);

    [Fact]
    public void Split_BlankLine_EndsAHeadlineWithoutFullStop() =>
        AssertSplit("North Korea may send troops\n\nOfficials said so.", "North Korea may send troops|Officials said so.");

    [Fact]
    public void Split_Offsets_PointAtTheSentenceInTheText()
    {
        const string text = "  First one. \"Second one!\" Third.  ";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(3, sentences.Count);
        Assert.All(sentences, s => Assert.Equal(s.Text, text.Substring(s.Start, s.Length)));
        Assert.Equal(2, sentences[0].Start);
        Assert.Equal([0, 1, 2], sentences.Select(s => s.Index));
    }

    [Fact]
    public void Split_EmptyOrBlank_ReturnsNoSentence()
    {
        Assert.Empty(SentenceSplitter.Split(""));
        Assert.Empty(SentenceSplitter.Split(" \n\t "));
    }

    private static void AssertSplit(string text, string expected) =>
        Assert.Equal(expected.Split('|'), SentenceSplitter.Split(text).Select(s => s.Text));
}
