namespace BriefingBot.Analysis.Actors;

/// <summary>A name found in one pass, by word index; <see cref="Kind"/> is null while the rules cannot tell yet.</summary>
internal sealed record Found(int First, int Last, ActorKind? Kind, Actor? Actor, string Via, double Confidence)
{
    /// <summary>Every catalogue entry the words could name, when they came from the catalogue.</summary>
    public IReadOnlyList<ActorName>? Names { get; init; }
}
