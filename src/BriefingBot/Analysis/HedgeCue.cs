namespace BriefingBot.Analysis;

public enum HedgeKind
{
    /// <summary>A modal verb or adverb of possibility: may, might, could, would, perhaps, possibly.</summary>
    Modal,

    /// <summary>A graded likelihood: likely, probably, unlikely, almost certain.</summary>
    Probability,

    /// <summary>An expectation or forecast: is expected to, predicts, as early as.</summary>
    Expectation,

    /// <summary>A belief or impression: think, believe, seem, appear, suggest.</summary>
    Belief,

    /// <summary>A condition or an open question: if, unless, until, whether.</summary>
    Condition,

    /// <summary>Second-hand or contested: reportedly, allegedly, accused.</summary>
    Hearsay,

    /// <summary>A plan or intention: plans to, is considering, intends to. Not uncertainty by itself.</summary>
    Intention,

    /// <summary>Attribution to a source: according to, citing. Not uncertainty by itself.</summary>
    Attribution,
}

/// <summary>A cue word or phrase in a text, with the probability a reader takes it to express.</summary>
public sealed record HedgeCue(string Text, int Start, int Length, HedgeKind Kind, double Probability)
{
    /// <summary>Whether the cue alone makes its sentence uncertain (attribution and intention do not).</summary>
    public bool IsUncertain => Kind is not (HedgeKind.Attribution or HedgeKind.Intention);
}

/// <summary>A sentence that carries uncertainty: its span, its cues, and the lowest probability among them.</summary>
public sealed record Hedge(int Start, int Length, IReadOnlyList<HedgeCue> Cues, double Probability)
{
    public int End => Start + Length;
}
