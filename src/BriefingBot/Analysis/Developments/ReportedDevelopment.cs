using BriefingBot.Analysis.Actors;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// A hedged claim about a possible event with at least one actor, found in one sentence of an article body.
/// <see cref="Start"/> and <see cref="End"/> are UTF-16 offsets of the whole sentence in the body.
/// </summary>
public sealed record ReportedDevelopment(
    int Start,
    int End,
    string Claim,
    IReadOnlyList<Actor> Actors,
    IReadOnlyList<string> Cues,
    double Strength,
    IReadOnlyList<AttributionLink> Attribution,
    TimeWindow? Window,
    string Question,
    DateOnly ResolveBy)
{
    /// <summary>Whether a forecaster could settle its question (<see cref="Pollability"/>): only these get "Poll this".</summary>
    public bool Pollable => Pollability.IsPollable(this);
}

/// <summary>A period, both days included.</summary>
public sealed record TimeWindow(DateOnly From, DateOnly To);

/// <summary>A time expression found in a text (offsets into that text) and the window it stands for.</summary>
public sealed record TimeExpression(int Start, int Length, TimeWindow Window)
{
    public int End => Start + Length;
}

public enum AttributionKind
{
    /// <summary>"according to X".</summary>
    According,

    /// <summary>"citing X".</summary>
    Citing,

    /// <summary>"X said", "X told reporters", "X suggests that".</summary>
    Statement,

    /// <summary>"reportedly", "allegedly": second-hand, no source named.</summary>
    Unattributed,
}

/// <summary>One link of an attribution chain; <see cref="Text"/> is how it reads ("citing unnamed intelligence sources").</summary>
public sealed record AttributionLink(AttributionKind Kind, string Source, string Text, int Start, int Length)
{
    public int End => Start + Length;
}
