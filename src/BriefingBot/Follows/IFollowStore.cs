namespace BriefingBot.Follows;

/// <summary>Follows, their queued alerts and alert batches, in SQLite or PostgreSQL (one contract test suite).</summary>
public interface IFollowStore
{
    /// <summary>Stores the follow, or finds the same one already there (turned on again if it was disabled).</summary>
    Task<(Follow Follow, bool Created)> AddAsync(NewFollow follow, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Follow?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>The follows one user made in one workspace, oldest first.</summary>
    Task<IReadOnlyList<Follow>> ListForUserAsync(string platform, string workspaceId, string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Follow>> ListActiveAsync(CancellationToken cancellationToken);

    /// <summary>True when there was one to delete; its queued alerts and batches go with it.</summary>
    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);

    Task DisableAsync(long id, string note, CancellationToken cancellationToken);

    /// <summary>Queues the story for the follow; false when that (follow, story) was queued before (sent or not).</summary>
    Task<bool> QueueAlertAsync(FollowAlert alert, CancellationToken cancellationToken);

    /// <summary>Active follows with queued alerts whose last alert is at least <paramref name="minInterval"/> before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<long>> ListDueAsync(DateTimeOffset now, TimeSpan minInterval, CancellationToken cancellationToken);

    /// <summary>
    /// Attaches every queued alert of the follow to a new batch leased to the caller until <paramref name="leaseUntil"/>, in
    /// one transaction; null when another worker took them.
    /// </summary>
    Task<FollowBatch?> ClaimBatchAsync(long followId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>
    /// Batches neither sent nor failed whose lease ran out by <paramref name="now"/> (a stopped worker left them), oldest
    /// first, each leased to the caller until <paramref name="leaseUntil"/>: two workers never take the same one.
    /// </summary>
    Task<IReadOnlyList<FollowBatch>> LeaseUnfinishedBatchesAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Stores the composed message before it is posted, and moves the batch to <see cref="FollowBatchStatus.Sending"/>.</summary>
    Task SavePayloadAsync(long batchId, string payload, CancellationToken cancellationToken);

    /// <summary>Marks the batch sent and records the time as the follow's last alert, in one transaction.</summary>
    Task CompleteBatchAsync(long batchId, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    Task FailBatchAsync(long batchId, string error, DateTimeOffset failedAt, CancellationToken cancellationToken);
}
