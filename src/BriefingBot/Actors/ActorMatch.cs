using BriefingBot.Analysis.Actors;

namespace BriefingBot.Actors;

/// <summary>How a typed name reached an actor.</summary>
public enum MatchVia
{
    Name,
    Alias,
    Demonym,
    TaughtAlias,
    Id,
}

/// <summary>The actor a typed name resolves to, and the catalogue name it matched (<c>Pyongyang</c> for North Korea).</summary>
public sealed record ActorMatch(Actor Actor, MatchVia Via, string MatchedName)
{
    public bool ThroughAlias => Via is MatchVia.Alias or MatchVia.Demonym or MatchVia.TaughtAlias;
}
