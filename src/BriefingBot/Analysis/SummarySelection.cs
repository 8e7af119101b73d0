namespace BriefingBot.Analysis;

/// <summary>
/// How <see cref="ExtractiveSummarizer"/> trades a sentence's learned score against the summary it joins: the MMR
/// discount per unit of likeness to a sentence already chosen, and a cost per 30 words, since a longer extract buys
/// recall with precision. Both are chosen by cross-validation on the tune part (<c>analysis-train --cv</c>).
/// </summary>
internal sealed record SummarySelection(double Redundancy, double LengthCost)
{
    public static SummarySelection Default { get; } = new(0.3, 0.05);

    public const double WordsPerUnit = 30;
}
