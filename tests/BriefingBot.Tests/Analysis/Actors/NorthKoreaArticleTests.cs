using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Tests.Analysis.Actors;

public sealed class NorthKoreaArticleTests
{
    private static readonly IReadOnlyList<ActorMention> Mentions =
        TestCatalog.Recognizer.Recognize(File.ReadAllText(SharedEval.Path("..", "corpus", "north-korea-troops-russia.txt")));

    [Theory]
    [InlineData("kp", "North Korea")]
    [InlineData("kp", "Pyongyang")]
    [InlineData("ru", "Russia")]
    [InlineData("ru", "Moscow")]
    [InlineData("ua", "Ukraine")]
    [InlineData("kr", "South Korea")]
    [InlineData("jp", "Japan")]
    [InlineData("us", "United States")]
    [InlineData("reuters", "Reuters")]
    public void Recognize_NorthKoreaTroopsArticle_FindsActorAsWritten(string id, string surface)
    {
        Assert.Contains(Mentions, mention => mention.Actor?.Id == id && mention.Surface == surface);
    }

    [Fact]
    public void Recognize_NorthKoreaTroopsArticle_SouthKoreanSourcesAreDemonyms()
    {
        var demonym = Assert.Single(Mentions, mention => mention.Surface == "South Korean" && mention.Start < 700);

        Assert.Equal(("kr", "demonym"), (demonym.Actor?.Id, demonym.Via));
    }

    [Fact]
    public void Recognize_NorthKoreaTroopsArticle_MentionsNoOtherStateThanThoseReported()
    {
        var states = Mentions.Where(mention => mention.Kind == ActorKind.State).Select(mention => mention.Actor!.Id).ToHashSet();

        Assert.Subset(new HashSet<string> { "kp", "ru", "ua", "kr", "jp", "us" }, states);
    }
}
