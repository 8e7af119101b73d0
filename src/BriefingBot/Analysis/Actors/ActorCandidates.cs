namespace BriefingBot.Analysis.Actors;

/// <summary>A name the catalogue lacks, as found in articles: for review and for storage as a candidate actor.</summary>
public sealed record ActorCandidate(string Name, ActorKind Kind, int Mentions);

public static class ActorCandidates
{
    /// <summary>
    /// Discovered names (mentions with no actor, other than a capital as a place or a world region) with how often
    /// each was seen, most frequent first.
    /// </summary>
    public static IReadOnlyList<ActorCandidate> Aggregate(IEnumerable<ActorMention> mentions) =>
        mentions
            .Where(mention => mention.Actor is null && mention.Via is not (PlaceRoles.PlaceVia or PlaceRoles.RegionVia))
            .GroupBy(mention => (Name: string.Join(' ', mention.Surface.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)), mention.Kind))
            .Select(group => new ActorCandidate(group.Key.Name, group.Key.Kind, group.Count()))
            .OrderByDescending(candidate => candidate.Mentions)
            .ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
            .ToList();
}

/// <summary>A discovered name as stored: summed over every analysed article that mentions it.</summary>
public sealed record StoredActorCandidate(string Name, ActorKind Kind, int Mentions, int Articles);
