namespace BriefingBot.Digests;

/// <summary>Where a subscription came from: the <c>Digests</c> configuration (synced at start-up) or <c>/digest schedule</c>.</summary>
public enum SubscriptionOrigin
{
    Config,
    Chat,
}

/// <summary>One channel's digest: when (<see cref="Cron"/> in <see cref="TimeZone"/>), what (filter, size), and whether it is on.</summary>
public sealed record DigestSubscription(
    string Platform,
    string ChannelId,
    string Schedule,
    string Cron,
    string TimeZone,
    string? Filter,
    int MaxItems,
    SubscriptionOrigin Origin)
{
    public long Id { get; init; }

    public bool Enabled { get; init; } = true;

    public string? DisabledReason { get; init; }
}

/// <summary>The state of one digest run, keyed by channel and scheduled fire time.</summary>
public enum DigestRunStatus
{
    /// <summary>Claimed; nothing composed yet.</summary>
    Claimed,

    /// <summary>Composed: its parts are stored and some may be posted.</summary>
    Sending,

    /// <summary>Every part posted and the channel's bookkeeping updated.</summary>
    Sent,

    /// <summary>Given up (the channel is gone or the bot was removed).</summary>
    Failed,
}

public sealed record DigestRun(long Id, string Platform, string ChannelId, DateTimeOffset FireTime, DigestRunStatus Status)
{
    public bool IsFinished => Status is DigestRunStatus.Sent or DigestRunStatus.Failed;
}

/// <summary>One message of a run: its payload (a serialized ChatReply) and, once posted, the platform's message id.</summary>
public sealed record DigestRunPart(int Index, string Payload, string? MessageId);

/// <summary>What a channel has had: when its last digest was composed, and the stories already sent there.</summary>
public sealed record DigestChannelState(DateTimeOffset? LastSentAt, IReadOnlySet<long> SentStoryIds);
