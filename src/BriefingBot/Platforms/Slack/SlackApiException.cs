using BriefingBot.Chat;

namespace BriefingBot.Platforms.Slack;

/// <summary>A Web API call answered <c>ok:false</c>; <see cref="Error"/> is Slack's code (<c>channel_not_found</c>, ...).</summary>
public sealed class SlackApiException(string method, string error)
    : ChatDeliveryException(Classify(error), $"Slack refused the post ({error})", $"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;

    private static ChatFailureKind Classify(string error) => error switch
    {
        "channel_not_found" or "is_archived" or "channel_is_archived" or "account_inactive" => ChatFailureKind.Gone,
        "not_in_channel" or "restricted_action" or "access_denied" => ChatFailureKind.Forbidden,
        "ratelimited" or "http_429" => ChatFailureKind.RateLimited,
        "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" => ChatFailureKind.Transient,
        _ when error.StartsWith("http_5", StringComparison.Ordinal) => ChatFailureKind.Transient,
        _ => ChatFailureKind.Rejected,
    };
}
