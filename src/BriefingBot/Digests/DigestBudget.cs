using BriefingBot.Chat;

namespace BriefingBot.Digests;

/// <summary>
/// How much of a digest one message may carry. <see cref="FitsOneMessage"/> is the platform's own answer
/// (<see cref="ChatLimits"/>) to whether a candidate message stays one message, so the split can never drift from
/// what is posted.
/// </summary>
public sealed record DigestBudget(int MaxItemsPerMessage, Func<ChatReply, bool> FitsOneMessage);

/// <summary>Every digest size limit in one place: the per-message budget from the platform's limits, and the per-item caps.</summary>
public static class DigestBudgets
{
    /// <summary>Stories per digest, whatever a subscription asks for.</summary>
    public const int MaxItems = 50;
    public const int MaxHeadlineCharacters = 240;
    public const int MaxSummaryCharacters = 700;
    public const int SummarySentences = 3;

    /// <summary>Articles whose text goes into a multi-source story's set summary.</summary>
    public const int MaxSummarySources = 4;

    public const int MaxSourceLinks = 6;
    public const int MaxActors = 6;

    /// <summary>Developments shown (each with a "Poll this" button) per story; a note says how many more there are.</summary>
    public const int MaxDevelopments = 3;

    public const int MaxClaimCharacters = 300;

    /// <summary>
    /// Stories of at most 1 + <see cref="MaxDevelopments"/> buttons each, within the platform's buttons (Discord's 25
    /// allow 6) and its readable sections, and whatever else its renderer says fits.
    /// </summary>
    public static DigestBudget For(ChatLimits limits) => new(
        Math.Clamp(Math.Min(limits.MaxSections, limits.MaxButtons / (1 + MaxDevelopments)), 1, MaxItems),
        limits.FitsOneMessage);
}
