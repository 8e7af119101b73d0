namespace BriefingBot.Platforms.Slack;

/// <summary>Every Slack limit we render or send within, in one place (docs.slack.dev Block Kit and method references).</summary>
public static class SlackLimits
{
    public const int BlocksPerMessage = 50;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionId = 255;
    public const int ImageAltText = 2000;

    /// <summary>Fallback <c>text</c>: longer is rejected by chat.update (msg_too_long) and truncated by Slack elsewhere.</summary>
    public const int MessageText = 4000;

    /// <summary>Undocumented aggregate cap (msg_blocks_too_long around 13,200 characters, bolt-js #2509); we stay well under.</summary>
    public const int MessageBlockCharacters = 12000;

    public const int ResponseUrlUses = 5;
    public static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(30);

    public static readonly TimeSpan AcknowledgeDeadline = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan SignatureWindow = TimeSpan.FromMinutes(5);

    /// <summary>chat.postMessage: about one message per second per channel, short bursts tolerated.</summary>
    public static readonly TimeSpan MessageSpacingPerChannel = TimeSpan.FromSeconds(1);
}
