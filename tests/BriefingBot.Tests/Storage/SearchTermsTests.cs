using BriefingBot.Storage;

namespace BriefingBot.Tests.Storage;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("Pyongyang troops", "\"Pyongyang\" \"troops\"")]
    [InlineData("\"troops\" AND -border*", "\"troops\" \"AND\" \"border\"")]
    [InlineData("title:(x OR y)^", "\"title\" \"x\" \"OR\" \"y\"")]
    [InlineData("naïve café", "\"naïve\" \"café\"")]
    [InlineData("  ;;; ", "")]
    public void ToFts5_UserQuery_QuotesEachWordAndDropsSyntax(string query, string expected)
    {
        Assert.Equal(expected, SearchTerms.ToFts5(SearchTerms.Extract(query)));
    }

    [Fact]
    public void Extract_ManyWords_KeepsAtMostMaxTerms()
    {
        var terms = SearchTerms.Extract(string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i)));

        Assert.Equal(SearchTerms.MaxTerms, terms.Count);
        Assert.Equal("w0", terms[0]);
    }

    [Fact]
    public void Extract_LongWordOfSurrogatePairs_NeverSplitsAPair()
    {
        var word = string.Concat(Enumerable.Repeat("𝐀", 40));

        var term = Assert.Single(SearchTerms.Extract(word));

        Assert.True(term.Length <= 64);
        Assert.False(char.IsHighSurrogate(term[^1]));
    }

    [Theory]
    [InlineData("the minister of defence", "minister defence")]
    [InlineData("The AND of", "")]
    [InlineData("troops", "troops")]
    public void WithoutStopWords_Query_KeepsOnlyContentWords(string query, string expected)
    {
        Assert.Equal(expected, string.Join(' ', SearchTerms.WithoutStopWords(SearchTerms.Extract(query))));
    }
}
