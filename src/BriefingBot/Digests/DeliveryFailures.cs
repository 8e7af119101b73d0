using BriefingBot.Platforms.Discord.Rest;
using BriefingBot.Platforms.Slack;

namespace BriefingBot.Digests;

/// <summary>Which posting failures mean the channel is gone for good, and which are worth another try.</summary>
internal static class DeliveryFailures
{
    private static readonly HashSet<string> SlackPermanent = new(StringComparer.Ordinal)
    {
        "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived", "restricted_action", "access_denied", "account_inactive",
    };

    /// <summary>Why the subscription should be turned off, or null when the failure may pass.</summary>
    public static string? PermanentReason(Exception exception) => exception switch
    {
        DiscordApiException { StatusCode: 404 } => "the channel no longer exists (Discord answered 404)",
        DiscordApiException { StatusCode: 403 } => "the bot may not post in the channel any more (Discord answered 403)",
        SlackApiException slack when SlackPermanent.Contains(slack.Error) => $"Slack refused the post ({slack.Error})",
        _ => null,
    };

    /// <summary>Network errors, timeouts, 5xx and rate limiting: retried with backoff. A 4xx other than those above is a bug, not worth retrying.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        DiscordApiException discord => discord.StatusCode is 408 or 429 or >= 500,
        DiscordRequestRefusedException => false,
        SlackApiException slack => slack.Error is "ratelimited" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout",
        HttpRequestException or TimeoutException or IOException => true,
        _ => false,
    };
}
