namespace BriefingBot.Analysis;

/// <summary>
/// The knobs of <see cref="ExtractiveSummarizer"/>. The defaults were tuned on the CNN/DailyMail development set
/// (shared/eval/summaries) by a search over these general features only, checked on both halves of the set.
/// </summary>
internal sealed record SummaryWeights
{
    public static SummaryWeights Default { get; } = new();

    /// <summary>Position prior 1 / (index + 1)^decay.</summary>
    public double PositionDecay { get; init; } = 0.75;

    /// <summary>Weight of the cosine between a sentence and the whole text.</summary>
    public double Centrality { get; init; } = 0.3;

    public double Title { get; init; } = 0.1;

    /// <summary>Summary sentences run about this many words; longer and shorter ones cost <see cref="Length"/> per relative word.</summary>
    public double TargetWords { get; init; } = 30;

    public double Length { get; init; } = 0.3;

    public double QuotePenalty { get; init; } = 0.2;

    /// <summary>MMR discount per unit of likeness to a sentence already chosen.</summary>
    public double Redundancy { get; init; } = 0.2;

    /// <summary>Only the first max(this, 2 × sentences) sentences are candidates.</summary>
    public int MinWindow { get; init; } = 6;
}
