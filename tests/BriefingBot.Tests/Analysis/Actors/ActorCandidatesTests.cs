using BriefingBot.Analysis.Actors;

namespace BriefingBot.Tests.Analysis.Actors;

public sealed class ActorCandidatesTests
{
    [Fact]
    public void Aggregate_DiscoveredMentions_CountsBySurfaceAndKindMostFrequentFirst()
    {
        var known = TestCatalog.Instance.Find("ru")!;
        ActorMention[] mentions =
        [
            new(0, 5, "Smith", null, ActorKind.Person, 0.5, "rule"),
            new(10, 10, "Acme  Corp", null, ActorKind.Organisation, 0.7, "rule"),
            new(30, 9, "Acme Corp", null, ActorKind.Organisation, 0.7, "rule"),
            new(40, 6, "Russia", known, ActorKind.State, 0.95, "name"),
        ];

        var candidates = ActorCandidates.Aggregate(mentions);

        Assert.Equal([new ActorCandidate("Acme Corp", ActorKind.Organisation, 2), new ActorCandidate("Smith", ActorKind.Person, 1)], candidates);
    }

    [Fact]
    public void Aggregate_RecognizedText_ReturnsDiscoveredPeople()
    {
        var mentions = TestCatalog.Recognizer.Recognize("President Aldo Varenne met NATO. Varenne later left. Aldo Varenne returned.");

        var candidate = Assert.Single(ActorCandidates.Aggregate(mentions), candidate => candidate.Name == "Aldo Varenne");
        Assert.Equal((ActorKind.Person, 2), (candidate.Kind, candidate.Mentions));
    }
}
