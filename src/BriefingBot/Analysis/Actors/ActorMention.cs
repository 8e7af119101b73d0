namespace BriefingBot.Analysis.Actors;

public enum ActorKind
{
    State,
    Territory,
    Organisation,
    Person,
    ArmedGroup,
    Media,

    /// <summary>A city, region or geographic feature that is not itself a state: London, Texas, the Balkans.</summary>
    Place,
}

/// <summary>An actor known to the bot: from config/actors.json, taught in chat, or discovered in articles.</summary>
public sealed record Actor(string Id, string Name, ActorKind Kind)
{
    public string? Code { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The aliases that are its capital or seat of power ("Pyongyang", "Kremlin"): a place as well as the actor.</summary>
    public IReadOnlyList<string> Metonyms { get; init; } = [];
}

/// <summary>
/// One mention of an actor in a text: UTF-16 offsets into the text, the words as written, the resolved actor
/// (null for a discovered candidate not yet in the catalogue), and how sure the resolution is (0..1).
/// <see cref="Via"/> tells how it was reached: <c>name</c>, <c>alias</c> (Pyongyang → North Korea), <c>demonym</c>, or <c>rule</c>.
/// </summary>
public sealed record ActorMention(int Start, int Length, string Surface, Actor? Actor, ActorKind Kind, double Confidence, string Via)
{
    public int End => Start + Length;
}

/// <summary>Finds actor mentions in article text. Deterministic and offline.</summary>
public interface IActorRecognizer
{
    IReadOnlyList<ActorMention> Recognize(string text);
}
