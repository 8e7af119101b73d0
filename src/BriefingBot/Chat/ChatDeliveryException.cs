namespace BriefingBot.Chat;

/// <summary>What a failed post means, in chat terms: each platform maps its own errors onto these.</summary>
public enum ChatFailureKind
{
    /// <summary>The channel (or conversation) no longer exists: posting there will never work again.</summary>
    Gone,

    /// <summary>The bot may no longer post there (removed, archived, missing permission).</summary>
    Forbidden,

    /// <summary>The platform asked us to slow down: worth another try later.</summary>
    RateLimited,

    /// <summary>A timeout or a server error on the platform's side: worth another try.</summary>
    Transient,

    /// <summary>The platform refused the request itself (a bug on our side, or a rejected token): not worth repeating.</summary>
    Rejected,
}

/// <summary>
/// A platform could not deliver: thrown by the platforms, read by features without knowing which platform failed.
/// <see cref="Reason"/> is a sentence for people ("the channel no longer exists (Discord answered 404)").
/// </summary>
public abstract class ChatDeliveryException(ChatFailureKind kind, string reason, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public ChatFailureKind Kind { get; } = kind;

    public string Reason { get; } = reason;

    /// <summary>Gone or forbidden: the destination is closed to us for good.</summary>
    public bool IsPermanent => Kind is ChatFailureKind.Gone or ChatFailureKind.Forbidden;

    /// <summary>Rate-limited or transient: the same post may succeed later.</summary>
    public bool IsTransient => Kind is ChatFailureKind.RateLimited or ChatFailureKind.Transient;
}
