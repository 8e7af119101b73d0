using BriefingBot.Chat;

namespace BriefingBot.Digests;

/// <summary>Which posting failures mean the channel is gone for good, and which are worth another try; each platform classifies its own.</summary>
internal static class DeliveryFailures
{
    /// <summary>Why the subscription should be turned off, or null when the failure may pass.</summary>
    public static string? PermanentReason(Exception exception) =>
        exception is ChatDeliveryException { IsPermanent: true } failure ? failure.Reason : null;

    /// <summary>Network errors, timeouts, server errors and rate limiting: retried with backoff. A refused request is a bug, not worth retrying.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        ChatDeliveryException failure => failure.IsTransient,
        HttpRequestException or TimeoutException or IOException => true,
        _ => false,
    };
}
