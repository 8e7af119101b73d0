using BriefingBot.Follows;
using BriefingBot.Storage.Sql;

namespace BriefingBot.Storage;

/// <summary>Follows, their queued alerts and delivery batches: one SQL text for SQLite and PostgreSQL.</summary>
public sealed class FollowStore(ISqlDatabase database) : IFollowStore
{
    private const string FollowColumns =
        "id, platform, workspace_id, user_id, user_name, target_kind, target_key, target_label, delivery, channel_id, mention_id, state, note, created_at, last_alert_at";

    public Task<(Follow Follow, bool Created)> AddAsync(NewFollow follow, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            var values = new
            {
                follow.Platform, follow.WorkspaceId, follow.UserId, follow.UserName, Kind = FollowIds.Name(follow.Target.Kind), follow.Target.Key,
                follow.Target.Label, Delivery = FollowIds.Name(follow.Delivery), follow.ChannelId, follow.MentionId, now,
            };
            // A new follow is inserted; an existing one (concurrent adds meet at the unique key) is turned on again.
            var created = await transaction.QueryFirstOrDefaultAsync<FollowRow>($"""
                INSERT INTO follows (platform, workspace_id, user_id, user_name, target_kind, target_key, target_label, delivery, channel_id, mention_id, created_at)
                VALUES (@Platform, @WorkspaceId, @UserId, @UserName, @Kind, @Key, @Label, @Delivery, @ChannelId, @MentionId, @now)
                ON CONFLICT (platform, workspace_id, user_id, target_kind, target_key, delivery, channel_id, mention_id) DO NOTHING
                RETURNING {FollowColumns}
                """, values, cancellationToken);
            return created is not null
                ? (created.ToFollow(), true)
                : ((await transaction.QuerySingleAsync<FollowRow>($"""
                    UPDATE follows SET state = 'active', note = NULL, user_name = @UserName
                    WHERE platform = @Platform AND workspace_id = @WorkspaceId AND user_id = @UserId AND target_kind = @Kind AND target_key = @Key
                      AND delivery = @Delivery AND channel_id = @ChannelId AND mention_id = @MentionId
                    RETURNING {FollowColumns}
                    """, values, cancellationToken)).ToFollow(), false);
        }, cancellationToken);

    public async Task<Follow?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await database.QueryFirstOrDefaultAsync<FollowRow>($"SELECT {FollowColumns} FROM follows WHERE id = @id", new { id }, cancellationToken))?.ToFollow();

    public Task<IReadOnlyList<Follow>> ListForUserAsync(string platform, string workspaceId, string userId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {FollowColumns} FROM follows WHERE platform = @platform AND workspace_id = @workspaceId AND user_id = @userId ORDER BY id",
            new { platform, workspaceId, userId }, cancellationToken);

    public Task<IReadOnlyList<Follow>> ListActiveAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {FollowColumns} FROM follows WHERE state = 'active' ORDER BY id", null, cancellationToken);

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM follows WHERE id = @id", new { id }, cancellationToken) > 0;

    public Task DisableAsync(long id, string note, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE follows SET state = 'disabled', note = @note WHERE id = @id", new { id, note }, cancellationToken);

    public async Task<bool> QueueAlertAsync(FollowAlert alert, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            INSERT INTO follow_alerts (follow_id, story_id, article_id, development_ids, queued_at)
            SELECT @FollowId, @StoryId, @ArticleId, @Developments, @QueuedAt WHERE EXISTS (SELECT 1 FROM follows WHERE id = @FollowId)
            ON CONFLICT (follow_id, story_id) DO NOTHING
            """,
            new { alert.FollowId, alert.StoryId, alert.ArticleId, Developments = FollowIds.Join(alert.DevelopmentIds), alert.QueuedAt },
            cancellationToken) > 0;

    public Task<IReadOnlyList<long>> ListDueAsync(DateTimeOffset now, TimeSpan minInterval, CancellationToken cancellationToken) =>
        database.QueryAsync<long>("""
            SELECT f.id FROM follows f
            WHERE f.state = 'active' AND (f.last_alert_at IS NULL OR f.last_alert_at <= @since)
              AND EXISTS (SELECT 1 FROM follow_alerts a WHERE a.follow_id = f.id AND a.batch_id IS NULL)
            ORDER BY f.id
            """, new { since = now - minInterval }, cancellationToken);

    public Task<FollowBatch?> ClaimBatchAsync(long followId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.TransactAsync<FollowBatch?>(async (_, transaction) =>
        {
            var batchId = await transaction.QuerySingleAsync<long>(
                "INSERT INTO follow_batches (follow_id, status, created_at, lease_until) VALUES (@followId, 'Claimed', @now, @leaseUntil) RETURNING id",
                new { followId, now, leaseUntil }, cancellationToken);
            var batch = new { batchId, followId };
            if (await transaction.ExecuteAsync("UPDATE follow_alerts SET batch_id = @batchId WHERE follow_id = @followId AND batch_id IS NULL", batch, cancellationToken) == 0)
            {
                await transaction.ExecuteAsync("DELETE FROM follow_batches WHERE id = @batchId", batch, cancellationToken);
                return null;
            }

            return (await ReadBatchesAsync(transaction, [batchId], cancellationToken))[0];
        }, cancellationToken);

    public Task<IReadOnlyList<FollowBatch>> LeaseUnfinishedBatchesAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.TransactAsync<IReadOnlyList<FollowBatch>>(async (_, transaction) =>
        {
            var leased = await transaction.QueryAsync<long>(
                "UPDATE follow_batches SET lease_until = @leaseUntil WHERE status IN ('Claimed', 'Sending') AND lease_until <= @now RETURNING id",
                new { now, leaseUntil }, cancellationToken);
            return leased.Count == 0 ? [] : await ReadBatchesAsync(transaction, leased, cancellationToken);
        }, cancellationToken);

    public Task SavePayloadAsync(long batchId, string payload, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE follow_batches SET payload = @payload, status = 'Sending' WHERE id = @batchId AND status = 'Claimed'",
            new { batchId, payload }, cancellationToken);

    public Task CompleteBatchAsync(long batchId, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            var values = new { batchId, messageId, sentAt };
            await transaction.ExecuteAsync("UPDATE follow_batches SET status = 'Sent', message_id = @messageId, finished_at = @sentAt WHERE id = @batchId",
                values, cancellationToken);
            return await transaction.ExecuteAsync("UPDATE follows SET last_alert_at = @sentAt WHERE id = (SELECT follow_id FROM follow_batches WHERE id = @batchId)",
                values, cancellationToken);
        }, cancellationToken);

    public Task FailBatchAsync(long batchId, string error, DateTimeOffset failedAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE follow_batches SET status = 'Failed', error = @error, finished_at = @failedAt WHERE id = @batchId",
            new { batchId, error, failedAt }, cancellationToken);

    private async Task<IReadOnlyList<Follow>> ListAsync(string sql, object? values, CancellationToken cancellationToken) =>
        [.. (await database.QueryAsync<FollowRow>(sql, values, cancellationToken)).Select(r => r.ToFollow())];

    private async Task<List<FollowBatch>> ReadBatchesAsync(System.Data.Common.DbTransaction transaction, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var rows = await transaction.QueryAsync<BatchRow>($"""
            SELECT b.id, b.follow_id, b.status, b.payload, a.story_id, a.article_id, a.development_ids, a.queued_at
            FROM follow_batches b LEFT JOIN follow_alerts a ON a.batch_id = b.id
            WHERE b.id {database.Dialect.InList("@ids")} ORDER BY b.id, a.queued_at, a.story_id
            """, new { ids = database.Dialect.Longs(ids) }, cancellationToken);
        var batches = new List<FollowBatch>();
        var alerts = new List<FollowAlert>();
        foreach (var row in rows)
        {
            if (batches.Count == 0 || batches[^1].Id != row.Id)
            {
                alerts = [];
                batches.Add(new FollowBatch(row.Id, row.FollowId, Enum.Parse<FollowBatchStatus>(row.Status), row.Payload, alerts));
            }

            if (row.StoryId is { } story)
            {
                alerts.Add(new FollowAlert(row.FollowId, story, row.ArticleId ?? 0, FollowIds.Parse(row.DevelopmentIds ?? ""), row.QueuedAt ?? default));
            }
        }

        return batches;
    }

    private sealed class FollowRow
    {
        public long Id { get; set; }
        public string Platform { get; set; } = "";
        public string WorkspaceId { get; set; } = "";
        public string UserId { get; set; } = "";
        public string UserName { get; set; } = "";
        public string TargetKind { get; set; } = "";
        public string TargetKey { get; set; } = "";
        public string TargetLabel { get; set; } = "";
        public string Delivery { get; set; } = "";
        public string ChannelId { get; set; } = "";
        public string MentionId { get; set; } = "";
        public string State { get; set; } = "";
        public string? Note { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset? LastAlertAt { get; set; }

        public Follow ToFollow() =>
            new(Id, Platform, WorkspaceId, UserId, UserName, new FollowTarget(FollowIds.Kind(TargetKind), TargetKey, TargetLabel), FollowIds.Delivery(Delivery),
                ChannelId, MentionId, State == "active", Note, CreatedAt, LastAlertAt);
    }

    private sealed class BatchRow
    {
        public long Id { get; set; }
        public long FollowId { get; set; }
        public string Status { get; set; } = "";
        public string? Payload { get; set; }
        public long? StoryId { get; set; }
        public long? ArticleId { get; set; }
        public string? DevelopmentIds { get; set; }
        public DateTimeOffset? QueuedAt { get; set; }
    }
}
