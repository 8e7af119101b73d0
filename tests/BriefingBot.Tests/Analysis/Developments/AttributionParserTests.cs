using BriefingBot.Analysis.Developments;

namespace BriefingBot.Tests.Analysis.Developments;

public sealed class AttributionParserTests
{
    [Theory]
    [InlineData("According to Reuters, citing unnamed South Korean intelligence sources, the move could mark an escalation.", "according to Reuters|citing unnamed South Korean intelligence sources")]
    [InlineData("North Korea may send more troops, the agency said.", "the agency said")]
    [InlineData("Troops were reportedly sent by rail.", "reportedly (unattributed)")]
    [InlineData("The weapons were allegedly shipped through Rason.", "allegedly (unattributed)")]
    [InlineData("Analysts suggest that Pyongyang could send more units.", "Analysts suggest")]
    [InlineData("Kim may visit Moscow, two people familiar with the matter said.", "two people familiar with the matter said")]
    [InlineData("South Korea's National Intelligence Service (NIS) told lawmakers that more troops may go.", "South Korea's National Intelligence Service (NIS) told")]
    [InlineData("South Korean intelligence reportedly indicates that North Korea may send units.", "South Korean intelligence indicates|reportedly (unattributed)")]
    public void Parse_AttributedSentence_ReturnsChainInReadingOrder(string sentence, string expected)
    {
        var chain = AttributionParser.Parse(sentence, 0, sentence.Length);

        Assert.Equal(expected.Split('|'), chain.Select(l => l.Text));
    }

    [Fact]
    public void Parse_AccordingAndCiting_KeepsKindsAndSources()
    {
        const string sentence = "According to Reuters, citing unnamed South Korean intelligence sources, troops may go.";

        var chain = AttributionParser.Parse(sentence, 0, sentence.Length);

        Assert.Equal([AttributionKind.According, AttributionKind.Citing], chain.Select(l => l.Kind));
        Assert.Equal(["Reuters", "unnamed South Korean intelligence sources"], chain.Select(l => l.Source));
        Assert.Equal("According to Reuters", sentence[chain[0].Start..chain[0].End]);
    }

    [Theory]
    [InlineData("North Korea may send troops to Russia.")]
    [InlineData("However, the risks for Pyongyang are considerable.")]
    [InlineData("The alleged deployment would be a shift.")]
    public void Parse_UnattributedStatement_HasNoSourcedLink(string sentence) =>
        Assert.DoesNotContain(AttributionParser.Parse(sentence, 0, sentence.Length), l => l.Kind != AttributionKind.Unattributed);
}
