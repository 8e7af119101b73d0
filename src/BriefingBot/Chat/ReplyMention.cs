namespace BriefingBot.Chat;

/// <summary>Who a mention names: one user, a Discord role, or a Slack user group.</summary>
public enum MentionKind
{
    User,
    Role,
    Group,
}

/// <summary>
/// The one mention a message may carry, placed at its start by the platform. Discord's <c>allowed_mentions</c> names only
/// this id and Slack gets only this token, so nothing else in the message (article text above all) can ping anyone.
/// <paramref name="Id"/> is the platform's id (a Discord snowflake, a Slack <c>U…</c> or <c>S…</c> id), never a name.
/// </summary>
public sealed record ReplyMention(MentionKind Kind, string Id)
{
    /// <summary>Ids are letters and digits only, so a mention token can never carry markup.</summary>
    public bool IsWellFormed => Id.Length is > 0 and <= 40 && Id.All(char.IsAsciiLetterOrDigit);
}

/// <summary>
/// A direct message the platform could not deliver for good: DMs closed (Discord 50007), the user gone, a bot account
/// (Slack <c>cannot_dm_bot</c>, <c>user_not_found</c>). <see cref="Reason"/> says so in words people read.
/// </summary>
public sealed class DirectMessageRefusedException(string reason, Exception? inner = null)
    : ChatDeliveryException(ChatFailureKind.Forbidden, reason, reason, inner);
