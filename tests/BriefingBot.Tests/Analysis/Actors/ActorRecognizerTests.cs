using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Tests.Analysis.Actors;

public sealed class ActorRecognizerTests
{
    private static IReadOnlyList<ActorMention> Recognize(string text) => TestCatalog.Recognizer.Recognize(text);

    private static ActorMention Single(string text, string surface) =>
        Assert.Single(Recognize(text), mention => mention.Surface == surface);

    [Fact]
    public void Recognize_Possessive_MatchesNameWithoutEnding()
    {
        var mention = Single("It would deepen Pyongyang’s cooperation with Moscow.", "Pyongyang");

        Assert.Equal("kp", mention.Actor?.Id);
        Assert.Equal("alias", mention.Via);
        Assert.Equal(16, mention.Start);
        Assert.Equal("Pyongyang", mention.Surface);
    }

    [Fact]
    public void Recognize_StraightApostrophePossessive_MatchesName()
    {
        var mention = Single("Russia's war goes on.", "Russia");

        Assert.Equal("ru", mention.Actor?.Id);
        Assert.Equal("name", mention.Via);
    }

    [Fact]
    public void Recognize_Demonym_MapsToStateViaDemonym()
    {
        var mention = Single("North Korean troops were seen near the front.", "North Korean");

        Assert.Equal("kp", mention.Actor?.Id);
        Assert.Equal(ActorKind.State, mention.Kind);
        Assert.Equal("demonym", mention.Via);
    }

    [Fact]
    public void Recognize_LongerNameContainsShorter_LongestMatchWins()
    {
        var mentions = Recognize("The UN Security Council met on South Korea.");

        Assert.Collection(
            mentions,
            council => Assert.Equal(("UN Security Council", "unsc"), (council.Surface, council.Actor?.Id)),
            korea => Assert.Equal(("South Korea", "kr"), (korea.Surface, korea.Actor?.Id)));
    }

    [Theory]
    [InlineData("Officials in the U.S. said so.", "U.S.", "us")]
    [InlineData("The US and the UK agreed.", "US", "us")]
    [InlineData("The AP reported it first.", "AP", "ap")]
    [InlineData("The White House said nothing.", "White House", "us")]
    [InlineData("The Kremlin denied it.", "Kremlin", "ru")]
    [InlineData("Kyiv asked for more air defence.", "Kyiv", "ua")]
    [InlineData("The DPRK fired a missile.", "DPRK", "kp")]
    public void Recognize_AliasOrAbbreviation_ResolvesToActor(string text, string surface, string id)
    {
        Assert.Equal(id, Single(text, surface).Actor?.Id);
    }

    [Theory]
    [InlineData("Let us know what the minister said.")]
    [InlineData("It is what it is, and who knows.")]
    [InlineData("Give us the ap figures.")]
    public void Recognize_LowerCaseWordsLikeAcronyms_FindNothing(string text)
    {
        Assert.Empty(Recognize(text));
    }

    [Fact]
    public void Recognize_KoreaWithNorthKoreaInText_ResolvesToNorthKorea()
    {
        var mentions = Recognize("Pyongyang tested a missile on Monday. Korea has done so before, North Korea watchers said.");

        var korea = Assert.Single(mentions, mention => mention.Surface == "Korea");
        Assert.Equal("kp", korea.Actor?.Id);
        Assert.True(korea.Confidence >= 0.7);
    }

    [Fact]
    public void Recognize_KoreaWithSouthKoreaInText_ResolvesToSouthKorea()
    {
        var korea = Single("Exports from Korea rose in May, Seoul said.", "Korea");

        Assert.Equal("kr", korea.Actor?.Id);
    }

    [Fact]
    public void Recognize_KoreaWithoutContext_HasLowConfidence()
    {
        var korea = Single("Korea is a peninsula.", "Korea");

        Assert.NotNull(korea.Actor);
        Assert.True(korea.Confidence < 0.5, $"confidence {korea.Confidence}");
    }

    [Fact]
    public void Recognize_GeorgiaWithCaucasusContext_IsTheState()
    {
        var georgia = Single("Georgia accused Moscow of moving troops towards Tbilisi.", "Georgia");

        Assert.Equal("ge", georgia.Actor?.Id);
        Assert.Equal(ActorKind.State, georgia.Kind);
    }

    [Fact]
    public void Recognize_GeorgiaWithUsContext_IsTheUsState()
    {
        var georgia = Single("Storms hit Georgia overnight, and Atlanta lost power.", "Georgia");

        Assert.Equal("place:us:georgia", georgia.Actor?.Id);
        Assert.Equal(ActorKind.Place, georgia.Kind);
    }

    [Fact]
    public void Recognize_WashingtonActingInPolitics_IsTheUsGovernment()
    {
        var washington = Single("Washington imposed new sanctions on Pyongyang.", "Washington");

        Assert.Equal("us", washington.Actor?.Id);
        Assert.Equal("alias", washington.Via);
    }

    [Fact]
    public void Recognize_WashingtonAsTravelDestination_IsThePlaceWithLowerConfidence()
    {
        var washington = Single("The team flew to Washington for the game.", "Washington");

        Assert.Equal(Ambiguity.WashingtonPlaceId, washington.Actor?.Id);
        Assert.True(washington.Confidence < 0.8);
    }

    [Fact]
    public void Recognize_TitleBeforeName_DiscoversPersonWithoutTitle()
    {
        var mention = Single("Defence Minister Andrius Kubilius visited the base.", "Andrius Kubilius");

        Assert.Null(mention.Actor);
        Assert.Equal(ActorKind.Person, mention.Kind);
        Assert.Equal("rule", mention.Via);
    }

    [Fact]
    public void Recognize_AbbreviatedTitle_DiscoversPerson()
    {
        var mention = Single("The plan was drawn up by Gen. Kwon Hyuk-jin last year.", "Kwon Hyuk-jin");

        Assert.Equal(ActorKind.Person, mention.Kind);
    }

    [Theory]
    [InlineData("He joined the Nordstrand Ministry of Fisheries in 2001.", "Nordstrand Ministry of Fisheries", ActorKind.Organisation)]
    [InlineData("Shares of Vellmar Corp. fell.", "Vellmar Corp", ActorKind.Organisation)]
    [InlineData("Fighters of the Tamsin Liberation Front attacked.", "Tamsin Liberation Front", ActorKind.ArmedGroup)]
    [InlineData("Fighters of the Azure Brigade attacked.", "Azure Brigade", ActorKind.ArmedGroup)]
    public void Recognize_OrganisationSuffix_DiscoversOrganisation(string text, string surface, ActorKind kind)
    {
        var mention = Single(text, surface);

        Assert.Null(mention.Actor);
        Assert.Equal(kind, mention.Kind);
    }

    [Fact]
    public void Recognize_SurnameAfterFullName_IsThatPerson()
    {
        var mentions = Recognize("Chief executive Ottilie Brannagh resigned. Later Brannagh said she was tired.");

        Assert.Equal([ActorKind.Person, ActorKind.Person], mentions.Select(mention => mention.Kind));
        Assert.Equal("Brannagh", mentions[1].Surface);
    }

    [Fact]
    public void Recognize_SentenceOpeningWord_IsNotAName()
    {
        Assert.Empty(Recognize("Yesterday the rain stopped. However, nobody came. Meanwhile the water rose."));
    }

    [Fact]
    public void Recognize_Article_OffsetsCutTheSurfaceOutOfTheText()
    {
        var text = File.ReadAllText(SharedEval.Path("..", "corpus", "north-korea-troops-russia.txt"));

        var mentions = Recognize(text);

        Assert.NotEmpty(mentions);
        Assert.All(mentions, mention => Assert.Equal(mention.Surface, text.Substring(mention.Start, mention.Length)));
        Assert.True(mentions.Zip(mentions.Skip(1)).All(pair => pair.First.End <= pair.Second.Start), "mentions overlap or are out of order");
    }
}
