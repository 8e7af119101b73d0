using BriefingBot.Chat;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Rendering;
using BriefingBot.Platforms.Slack;

namespace BriefingBot.Digests;

/// <summary>
/// How much of a digest one message may carry on a platform. <see cref="FitsOneMessage"/> asks the platform's own
/// renderer whether a candidate message stays one message (Discord: 10 embeds, 6,000 embed characters, 2,000 content
/// characters, 25 buttons; Slack: 50 blocks, 12,000 characters), so the split can never drift from what is posted.
/// </summary>
public sealed record DigestBudget(string Platform, int MaxItemsPerMessage, Func<ChatReply, bool> FitsOneMessage);

/// <summary>Every digest size limit in one place: per-platform message budgets and the per-item caps.</summary>
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

    /// <summary>Stories of at most 1 + <see cref="MaxDevelopments"/> buttons each, within Discord's 25 buttons a message.</summary>
    public static DigestBudget Discord { get; } = new(
        "discord",
        DiscordLimits.ActionRows * DiscordLimits.ButtonsPerRow / (1 + MaxDevelopments),
        reply => DiscordRenderer.Render(reply).Count == 1);

    /// <summary>Slack's 50 blocks and 12,000 characters allow more; eight stories a message keep it readable.</summary>
    public static DigestBudget Slack { get; } = new("slack", 8, reply => SlackRenderer.Render(reply).Count == 1);

    /// <summary>The shell prints everything as one message.</summary>
    public static DigestBudget Shell { get; } = new("shell", MaxItems, _ => true);

    /// <summary>A platform we do not know gets the strictest of the known budgets.</summary>
    public static DigestBudget Strictest { get; } = new("unknown", Discord.MaxItemsPerMessage, reply => Discord.FitsOneMessage(reply) && Slack.FitsOneMessage(reply));

    public static DigestBudget For(string platform) => platform.ToLowerInvariant() switch
    {
        "discord" => Discord,
        "slack" => Slack,
        "shell" => Shell,
        _ => Strictest,
    };

}
