using BriefingBot.Analysis.Actors;

namespace BriefingBot.Tests.Analysis.Actors;

/// <summary>Capitals and regions on real sentences: the seed article in shared/corpus and CoNLL-2003 dev.</summary>
public sealed class PlaceRolesTests
{
    [Theory]
    // shared/corpus/north-korea-troops-russia.txt
    [InlineData("According to Reuters, citing unnamed South Korean intelligence sources, the move could mark a significant escalation in Pyongyang’s military cooperation with Moscow, which has already seen North Korean troops and weapons allegedly sent to support Russia’s ongoing conflict with Ukraine.", "Pyongyang", "kp")]
    [InlineData("For Russia, the support from Pyongyang may provide a temporary boost to its military efforts, though it could also draw the attention of Western powers seeking to isolate Moscow further.", "Moscow", "ru")]
    [InlineData("For Russia, the support from Pyongyang may provide a temporary boost to its military efforts, though it could also draw the attention of Western powers seeking to isolate Moscow further.", "Pyongyang", "kp")]
    public void Recognize_CapitalThatActs_IsItsState(string sentence, string capital, string state)
    {
        var mention = Assert.Single(TestCatalog.Recognizer.Recognize(sentence), m => m.Surface == capital);

        Assert.Equal(state, mention.Actor?.Id);
    }

    [Theory]
    // CoNLL-2003 dev
    [InlineData("A U.N. official in Baghdad said the KDP, backed by Iraqi tanks, heavy artillery and helicopters had taken control of the main northern Iraqi city of Arbil after fighting on Saturday.", "Baghdad")]
    [InlineData("One elderly man, who declined to give his name, said two of his sons were now refugees in Moscow and the other two had left to fight for the opposition.", "Moscow")]
    [InlineData("Naina Yeltsin is recovering in Moscow's Central Clinical Hospital, where the president himself was treated twice last year for heart attacks.", "Moscow")]
    public void Recognize_CapitalAfterPrepositionOfPlace_IsAPlaceNotTheState(string sentence, string capital)
    {
        var mentions = TestCatalog.Recognizer.Recognize(sentence);

        var mention = Assert.Single(mentions, m => m.Surface == capital);
        Assert.Null(mention.Actor);
        Assert.Equal(ActorKind.Place, mention.Kind);
        Assert.DoesNotContain(ActorCandidates.Aggregate(mentions), c => c.Name == capital);
    }

    [Fact]
    public void Recognize_CapitalAfterPlaceAndListedCapital_BothArePlaces()
    {
        var mentions = TestCatalog.Recognizer.Recognize("The envoy held talks in Beijing and Seoul on Monday.");

        Assert.All(mentions.Where(m => m.Surface is "Beijing" or "Seoul"), m => Assert.Null(m.Actor));
        Assert.Equal(2, mentions.Count(m => m.Surface is "Beijing" or "Seoul"));
    }

    [Theory]
    // shared/corpus/north-korea-troops-russia.txt
    [InlineData("This alignment may also be influenced by shared concerns over the expansion of U.S. military influence in East Asia and the Pacific.", "East Asia")]
    [InlineData("This alignment may also be influenced by shared concerns over the expansion of U.S. military influence in East Asia and the Pacific.", "Pacific")]
    // CoNLL-2003 dev
    [InlineData("\"It is an important enhancement of our presence in Asia,\" said Pirelli SpA chairman Marco Tronchetti Provera.", "Asia")]
    public void Recognize_ContinentOrRegion_IsNoActorNorCandidate(string sentence, string region)
    {
        var mentions = TestCatalog.Recognizer.Recognize(sentence);

        Assert.DoesNotContain(mentions, m => m.Surface.Contains(region, StringComparison.Ordinal) && m.Actor is not null);
        Assert.DoesNotContain(ActorCandidates.Aggregate(mentions), c => c.Name.Contains(region, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("the Middle East", true)]
    [InlineData("Southeast Asia", true)]
    [InlineData("Europe", true)]
    [InlineData("South Africa", false)]
    [InlineData("Texas", false)]
    public void IsRegion_CatalogueName_TellsWorldRegionsFromStatesAndTheirPlaces(string name, bool expected)
    {
        Assert.Equal(expected, new PlaceRoles(TestCatalog.Instance).IsRegion(name));
    }
}
