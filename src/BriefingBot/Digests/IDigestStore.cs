namespace BriefingBot.Digests;

/// <summary>Digest subscriptions, runs and per-channel history, in SQLite or PostgreSQL (one contract test suite).</summary>
public interface IDigestStore
{
    /// <summary>Creates or replaces the channel's subscription (one per channel) and turns it on.</summary>
    Task<DigestSubscription> SaveSubscriptionAsync(DigestSubscription subscription, CancellationToken cancellationToken);

    Task<DigestSubscription?> GetSubscriptionAsync(string platform, string channelId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DigestSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken);

    /// <summary>True when there was one to delete.</summary>
    Task<bool> DeleteSubscriptionAsync(string platform, string channelId, CancellationToken cancellationToken);

    Task DisableSubscriptionAsync(string platform, string channelId, string reason, CancellationToken cancellationToken);

    /// <summary>The run for this channel and fire time: created as <see cref="DigestRunStatus.Claimed"/>, or the existing one.</summary>
    Task<DigestRun> ClaimRunAsync(string platform, string channelId, DateTimeOffset fireTime, CancellationToken cancellationToken);

    /// <summary>The channel's runs that are neither sent nor failed, oldest first.</summary>
    Task<IReadOnlyList<DigestRun>> ListUnfinishedRunsAsync(string platform, string channelId, CancellationToken cancellationToken);

    /// <summary>Stores the composed parts and covered stories, and moves the run to <see cref="DigestRunStatus.Sending"/>.</summary>
    Task SavePartsAsync(long runId, IReadOnlyList<string> payloads, IReadOnlyList<long> storyIds, DateTimeOffset composedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<DigestRunPart>> GetPartsAsync(long runId, CancellationToken cancellationToken);

    Task MarkPartSentAsync(long runId, int index, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Marks the run sent and, in the same transaction, records its stories and composition time for the channel.</summary>
    Task CompleteRunAsync(long runId, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    Task FailRunAsync(long runId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken);

    /// <summary>What the channel already had; story ids are those sent after <paramref name="sentAfter"/>.</summary>
    Task<DigestChannelState> GetChannelStateAsync(string platform, string channelId, DateTimeOffset sentAfter, CancellationToken cancellationToken);
}
