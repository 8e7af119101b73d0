using BriefingBot.Analysis.Actors;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// A hedged claim read from one sentence: who (<see cref="Subject"/>), how sure (<see cref="Modality"/>: "may",
/// "plans to"), and what (<see cref="Predicate"/>, a verb in its base form: "deploy more troops to Russia").
/// <see cref="Lead"/> is an asserted part told with it ("is supplying weapons to Russia" in "is not only supplying
/// weapons to Russia but may also be sending ..."). <see cref="Actors"/> are those named in the claim; <see cref="Time"/>
/// is the time expression that goes with it, if any.
/// </summary>
public sealed record Claim(string Subject, string? Lead, string Modality, string Predicate, IReadOnlyList<Actor> Actors, TimeExpression? Time)
{
    public string Text => Lead is null
        ? $"{Capitalise(Subject)} {Modality} {Predicate}"
        : $"{Capitalise(Subject)} {Lead} and {Modality} {Predicate}";

    private static string Capitalise(string value) => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];
}
