namespace BriefingBot.Follows;

/// <summary>What a follow watches: an actor of the catalogue (by id) or a keyword (lower case).</summary>
public enum FollowTargetKind
{
    Actor,
    Keyword,
}

/// <summary>
/// Where a follow's alerts go: a direct message to the follower, a message in the channel where it was made that
/// mentions only the follower, or (admins) a message there that mentions a Discord role or a Slack user group.
/// </summary>
public enum FollowDelivery
{
    Dm,
    Here,
    Role,
    Group,
}

/// <summary><paramref name="Key"/> is the actor id or the lower-case keyword; <paramref name="Label"/> is what people read.</summary>
public sealed record FollowTarget(FollowTargetKind Kind, string Key, string Label);

/// <summary>A follow to store. <paramref name="ChannelId"/> is empty for a DM, <paramref name="MentionId"/> empty unless role or group.</summary>
public sealed record NewFollow(
    string Platform,
    string WorkspaceId,
    string UserId,
    string UserName,
    FollowTarget Target,
    FollowDelivery Delivery,
    string ChannelId,
    string MentionId);

/// <summary>A stored follow. A disabled one (<see cref="Active"/> false) keeps its <see cref="Note"/> for <c>/follow list</c>.</summary>
public sealed record Follow(
    long Id,
    string Platform,
    string WorkspaceId,
    string UserId,
    string UserName,
    FollowTarget Target,
    FollowDelivery Delivery,
    string ChannelId,
    string MentionId,
    bool Active,
    string? Note,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastAlertAt);

/// <summary>
/// One story queued for one follow. The store keeps one per (follow, story) for ever, so later articles of a story that
/// was already alerted never alert again. <see cref="DevelopmentIds"/> are the matching reported developments ("Poll this").
/// </summary>
public sealed record FollowAlert(long FollowId, long StoryId, long ArticleId, IReadOnlyList<long> DevelopmentIds, DateTimeOffset QueuedAt);

public enum FollowBatchStatus
{
    /// <summary>Alerts attached, message not composed yet.</summary>
    Claimed,

    /// <summary>Message stored; posting (again after a crash) with the batch's idempotency key.</summary>
    Sending,

    Sent,
    Failed,
}

/// <summary>One alert message of a follow: the queued stories it covers and, once composed, the stored message.</summary>
public sealed record FollowBatch(long Id, long FollowId, FollowBatchStatus Status, string? Payload, IReadOnlyList<FollowAlert> Alerts)
{
    /// <summary>The Discord nonce (and key for any platform that deduplicates) of this batch's message.</summary>
    public string IdempotencyKey => "f" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
