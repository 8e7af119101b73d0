using BriefingBot.Follows;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

public sealed class PostgresFollowStore(PostgresDatabase database) : IFollowStore
{
    private const string FollowColumns =
        "id, platform, workspace_id, user_id, user_name, target_kind, target_key, target_label, delivery, channel_id, mention_id, state, note, created_at, last_alert_at";

    public async Task<(Follow Follow, bool Created)> AddAsync(NewFollow follow, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The insert takes the row when it is new; otherwise the update turns the existing one on again. Concurrent adds meet at the unique key.
        await using var command = new NpgsqlCommand($"""
            INSERT INTO follows (platform, workspace_id, user_id, user_name, target_kind, target_key, target_label, delivery, channel_id, mention_id, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (platform, workspace_id, user_id, target_kind, target_key, delivery, channel_id, mention_id)
            DO UPDATE SET state = 'active', note = NULL, user_name = excluded.user_name
            RETURNING {FollowColumns}, (xmax = 0) AS created
            """, connection);
        command.Parameters.AddWithValue(follow.Platform);
        command.Parameters.AddWithValue(follow.WorkspaceId);
        command.Parameters.AddWithValue(follow.UserId);
        command.Parameters.AddWithValue(follow.UserName);
        command.Parameters.AddWithValue(FollowIds.Name(follow.Target.Kind));
        command.Parameters.AddWithValue(follow.Target.Key);
        command.Parameters.AddWithValue(follow.Target.Label);
        command.Parameters.AddWithValue(FollowIds.Name(follow.Delivery));
        command.Parameters.AddWithValue(follow.ChannelId);
        command.Parameters.AddWithValue(follow.MentionId);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (ReadFollow(reader), reader.GetBoolean(15));
    }

    public async Task<Follow?> GetAsync(long id, CancellationToken cancellationToken) =>
        await QueryFollowsAsync($"SELECT {FollowColumns} FROM follows WHERE id = $1", cancellationToken, id) is [var follow] ? follow : null;

    public Task<IReadOnlyList<Follow>> ListForUserAsync(string platform, string workspaceId, string userId, CancellationToken cancellationToken) =>
        QueryFollowsAsync($"SELECT {FollowColumns} FROM follows WHERE platform = $1 AND workspace_id = $2 AND user_id = $3 ORDER BY id",
            cancellationToken, platform, workspaceId, userId);

    public Task<IReadOnlyList<Follow>> ListActiveAsync(CancellationToken cancellationToken) =>
        QueryFollowsAsync($"SELECT {FollowColumns} FROM follows WHERE state = 'active' ORDER BY id", cancellationToken);

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM follows WHERE id = $1", cancellationToken, id) > 0;

    public Task DisableAsync(long id, string note, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE follows SET state = 'disabled', note = $2 WHERE id = $1", cancellationToken, id, note);

    public async Task<bool> QueueAlertAsync(FollowAlert alert, CancellationToken cancellationToken) =>
        await ExecuteAsync("""
            INSERT INTO follow_alerts (follow_id, story_id, article_id, development_ids, queued_at)
            SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM follows WHERE id = $1)
            ON CONFLICT (follow_id, story_id) DO NOTHING
            """, cancellationToken, alert.FollowId, alert.StoryId, alert.ArticleId, FollowIds.Join(alert.DevelopmentIds), alert.QueuedAt) > 0;

    public async Task<IReadOnlyList<long>> ListDueAsync(DateTimeOffset now, TimeSpan minInterval, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT f.id FROM follows f
            WHERE f.state = 'active' AND (f.last_alert_at IS NULL OR f.last_alert_at <= $1)
              AND EXISTS (SELECT 1 FROM follow_alerts a WHERE a.follow_id = f.id AND a.batch_id IS NULL)
            ORDER BY f.id
            """, connection);
        command.Parameters.AddWithValue(now - minInterval);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public async Task<FollowBatch?> ClaimBatchAsync(long followId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long batchId;
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO follow_batches (follow_id, status, created_at, lease_until) VALUES ($1, 'Claimed', $2, $3) RETURNING id", connection, transaction))
        {
            insert.Parameters.AddWithValue(followId);
            insert.Parameters.AddWithValue(now);
            insert.Parameters.AddWithValue(leaseUntil);
            batchId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        }

        // A concurrent claimer waits on the rows this update locks and then finds them taken: it claims nothing.
        await using (var claim = new NpgsqlCommand("UPDATE follow_alerts SET batch_id = $1 WHERE follow_id = $2 AND batch_id IS NULL", connection, transaction))
        {
            claim.Parameters.AddWithValue(batchId);
            claim.Parameters.AddWithValue(followId);
            if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return null;
            }
        }

        var batch = (await ReadBatchesAsync(connection, transaction, "b.id = $1", cancellationToken, batchId))[0];
        await transaction.CommitAsync(cancellationToken);
        return batch;
    }

    public async Task<IReadOnlyList<FollowBatch>> LeaseUnfinishedBatchesAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var leased = new List<long>();
        // Row locks make each expired batch one worker's: a concurrent lease waits, re-checks the lease, and skips it.
        await using (var lease = new NpgsqlCommand(
            "UPDATE follow_batches SET lease_until = $2 WHERE status IN ('Claimed', 'Sending') AND lease_until <= $1 RETURNING id", connection, transaction))
        {
            lease.Parameters.AddWithValue(now);
            lease.Parameters.AddWithValue(leaseUntil);
            await using var reader = await lease.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                leased.Add(reader.GetInt64(0));
            }
        }

        var batches = leased.Count == 0 ? [] : await ReadBatchesAsync(connection, transaction, "b.id = ANY($1)", cancellationToken, leased.ToArray());
        await transaction.CommitAsync(cancellationToken);
        return batches;
    }

    public Task SavePayloadAsync(long batchId, string payload, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE follow_batches SET payload = $2, status = 'Sending' WHERE id = $1 AND status = 'Claimed'", cancellationToken, batchId, payload);

    public Task CompleteBatchAsync(long batchId, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        ExecuteAsync("""
            WITH batch AS (UPDATE follow_batches SET status = 'Sent', message_id = $2, finished_at = $3 WHERE id = $1 RETURNING follow_id)
            UPDATE follows SET last_alert_at = $3 WHERE id IN (SELECT follow_id FROM batch)
            """, cancellationToken, batchId, messageId, sentAt);

    public Task FailBatchAsync(long batchId, string error, DateTimeOffset failedAt, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE follow_batches SET status = 'Failed', error = $2, finished_at = $3 WHERE id = $1", cancellationToken, batchId, error, failedAt);

    private static async Task<IReadOnlyList<FollowBatch>> ReadBatchesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string where, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT b.id, b.follow_id, b.status, b.payload, a.story_id, a.article_id, a.development_ids, a.queued_at
            FROM follow_batches b LEFT JOIN follow_alerts a ON a.batch_id = b.id
            WHERE {where} ORDER BY b.id, a.queued_at, a.story_id
            """, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batches = new List<FollowBatch>();
        var alerts = new List<FollowAlert>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (batches.Count == 0 || batches[^1].Id != id)
            {
                alerts = [];
                batches.Add(new FollowBatch(id, reader.GetInt64(1), Enum.Parse<FollowBatchStatus>(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3), alerts));
            }

            if (!reader.IsDBNull(4))
            {
                alerts.Add(new FollowAlert(reader.GetInt64(1), reader.GetInt64(4), reader.GetInt64(5), FollowIds.Parse(reader.GetString(6)), reader.GetFieldValue<DateTimeOffset>(7)));
            }
        }

        return batches;
    }

    private async Task<IReadOnlyList<Follow>> QueryFollowsAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var follows = new List<Follow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            follows.Add(ReadFollow(reader));
        }

        return follows;
    }

    private static Follow ReadFollow(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        new FollowTarget(FollowIds.Kind(reader.GetString(5)), reader.GetString(6), reader.GetString(7)),
        FollowIds.Delivery(reader.GetString(8)),
        reader.GetString(9),
        reader.GetString(10),
        reader.GetString(11) == "active",
        reader.IsDBNull(12) ? null : reader.GetString(12),
        reader.GetFieldValue<DateTimeOffset>(13),
        reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14));

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
