using BriefingBot.Actors;
using BriefingBot.Tests.Analysis.Actors;

namespace BriefingBot.Tests.Actors;

public sealed class ActorNameIndexTests
{
    private static readonly ActorNameIndex Index = new(TestCatalog.Instance, []);

    [Theory]
    [InlineData("North Korea", "kp", MatchVia.Name)]
    [InlineData("  north   KOREA ", "kp", MatchVia.Name)]
    [InlineData("Pyongyang", "kp", MatchVia.Alias)]
    [InlineData("DPRK", "kp", MatchVia.Alias)]
    [InlineData("North Korean", "kp", MatchVia.Demonym)]
    [InlineData("Kremlin", "ru", MatchVia.Alias)]
    [InlineData("the Kremlin", "ru", MatchVia.Alias)]
    [InlineData("kp", "kp", MatchVia.Id)]
    public void Find_KnownWriting_ResolvesWithHowItMatched(string typed, string actorId, MatchVia via)
    {
        var match = Index.Find(typed);

        Assert.NotNull(match);
        Assert.Equal((actorId, via), (match.Actor.Id, match.Via));
    }

    [Fact]
    public void Find_NameOfStateAndOfPlace_PrefersTheState()
    {
        Assert.Equal("ge", Index.Find("Georgia")!.Actor.Id);
    }

    [Fact]
    public void Find_Unknown_ReturnsNull()
    {
        Assert.Null(Index.Find("Nrth Korea"));
    }

    [Fact]
    public void Suggest_PrefixOfFirstWord_ListsThoseNamesFirstOnePerActor()
    {
        var suggestions = Index.Suggest("nor", 25);

        Assert.Equal(["no", "kp"], suggestions.Take(2).Select(s => s.Actor.Id));
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Actor.Id).Distinct().Count());
        Assert.All(suggestions.Take(5), s => Assert.StartsWith("nor", ActorNameKey.Of(s.MatchedName), StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_LaterWord_FindsTheName()
    {
        var suggestions = Index.Suggest("kor", 25);

        Assert.Contains(suggestions, s => s.Actor.Id == "kp");
        Assert.Contains(suggestions, s => s.Actor.Id == "kr");
    }

    [Fact]
    public void Suggest_Alias_SuggestsTheAliasForItsActor()
    {
        var match = Assert.Single(Index.Suggest("pyongy", 25));

        Assert.Equal(("kp", "Pyongyang", MatchVia.Alias), (match.Actor.Id, match.MatchedName, match.Via));
    }

    [Fact]
    public void Suggest_TypingMistake_StillSuggestsTheActor()
    {
        Assert.Contains(Index.Suggest("Nrth Korea", 25), s => s.Actor.Id == "kp");
        Assert.Contains(Index.Suggest("Rusia", 25), s => s.Actor.Id == "ru");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("s")]
    public void Suggest_ShortOrEmpty_AtMostTheLimit(string typed)
    {
        Assert.Equal(25, Index.Suggest(typed, 25).Count);
    }
}
