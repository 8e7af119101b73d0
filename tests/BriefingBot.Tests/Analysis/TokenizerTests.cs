using BriefingBot.Analysis;

namespace BriefingBot.Tests.Analysis;

public sealed class TokenizerTests
{
    [Fact]
    public void Tokenize_HyphensApostrophesAndNumbers_KeepsWordsWhole()
    {
        const string text = "The well-known 39-year-old didn't pay £6,000.50 to Pyongyang’s envoy - twice.";

        var tokens = Tokenizer.Tokenize(text);

        Assert.Equal(
            ["The", "well-known", "39-year-old", "didn't", "pay", "6,000.50", "to", "Pyongyang’s", "envoy", "twice"],
            tokens.Select(t => t.Text));
        Assert.All(tokens, t => Assert.Equal(t.Text, text.Substring(t.Start, t.Length)));
    }

    [Fact]
    public void Tokenize_Range_ReturnsOffsetsInTheWholeText()
    {
        const string text = "One two. Three four.";

        var tokens = Tokenizer.Tokenize(text, 9, 11);

        Assert.Equal([("Three", 9), ("four", 15)], tokens.Select(t => (t.Text, t.Start)));
    }

    [Theory]
    [InlineData("Russia’s", "russia")]
    [InlineData("Locke's", "locke")]
    [InlineData("Don’t", "don't")]
    [InlineData("US", "us")]
    public void Normalize_Token_LowerCasesAndDropsPossessive(string token, string expected) =>
        Assert.Equal(expected, Tokenizer.Normalize(token));

    [Theory]
    [InlineData("running", "run")]
    [InlineData("troops", "troop")]
    [InlineData("deployment", "deploy")]
    [InlineData("generalization", "gener")]
    [InlineData("was", "was")]
    public void Stem_EnglishWord_ReturnsPorterStem(string word, string expected) =>
        Assert.Equal(expected, Stemmer.Stem(word));
}
