using System.Globalization;
using BriefingBot.Follows;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

public sealed class SqliteFollowStore(SqliteDatabase database) : IFollowStore
{
    private const string FollowColumns =
        "id, platform, workspace_id, user_id, user_name, target_kind, target_key, target_label, delivery, channel_id, mention_id, state, note, created_at, last_alert_at";

    public Task<(Follow Follow, bool Created)> AddAsync(NewFollow follow, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            long? existing;
            using (var find = Command(connection, transaction, """
                SELECT id FROM follows WHERE platform = $platform AND workspace_id = $workspace AND user_id = $user AND target_kind = $kind
                    AND target_key = $key AND delivery = $delivery AND channel_id = $channel AND mention_id = $mention
                """))
            {
                Bind(find, follow);
                existing = find.ExecuteScalar() is long id ? id : null;
            }

            if (existing is { } found)
            {
                using var enable = Command(connection, transaction, "UPDATE follows SET state = 'active', note = NULL, user_name = $name WHERE id = $id");
                enable.Parameters.AddWithValue("$id", found);
                enable.Parameters.AddWithValue("$name", follow.UserName);
                enable.ExecuteNonQuery();
                return (Read(connection, transaction, found)!, false);
            }

            using var insert = Command(connection, transaction, """
                INSERT INTO follows (platform, workspace_id, user_id, user_name, target_kind, target_key, target_label, delivery, channel_id, mention_id, created_at)
                VALUES ($platform, $workspace, $user, $name, $kind, $key, $label, $delivery, $channel, $mention, $at)
                RETURNING id
                """);
            Bind(insert, follow);
            insert.Parameters.AddWithValue("$name", follow.UserName);
            insert.Parameters.AddWithValue("$label", follow.Target.Label);
            insert.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(now));
            var newId = (long)insert.ExecuteScalar()!;
            return (Read(connection, transaction, newId)!, true);
        }, cancellationToken);

    public async Task<Follow?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Read(connection, null, id);
    }

    public async Task<IReadOnlyList<Follow>> ListForUserAsync(string platform, string workspaceId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {FollowColumns} FROM follows WHERE platform = $platform AND workspace_id = $workspace AND user_id = $user ORDER BY id");
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$workspace", workspaceId);
        command.Parameters.AddWithValue("$user", userId);
        return ReadAll(command);
    }

    public async Task<IReadOnlyList<Follow>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {FollowColumns} FROM follows WHERE state = 'active' ORDER BY id");
        return ReadAll(command);
    }

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "DELETE FROM follows WHERE id = $id");
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);

    public Task DisableAsync(long id, string note, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "UPDATE follows SET state = 'disabled', note = $note WHERE id = $id");
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$note", note);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<bool> QueueAlertAsync(FollowAlert alert, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, """
                INSERT INTO follow_alerts (follow_id, story_id, article_id, development_ids, queued_at)
                SELECT $follow, $story, $article, $developments, $at WHERE EXISTS (SELECT 1 FROM follows WHERE id = $follow)
                ON CONFLICT (follow_id, story_id) DO NOTHING
                """);
            command.Parameters.AddWithValue("$follow", alert.FollowId);
            command.Parameters.AddWithValue("$story", alert.StoryId);
            command.Parameters.AddWithValue("$article", alert.ArticleId);
            command.Parameters.AddWithValue("$developments", FollowIds.Join(alert.DevelopmentIds));
            command.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(alert.QueuedAt));
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);

    public async Task<IReadOnlyList<long>> ListDueAsync(DateTimeOffset now, TimeSpan minInterval, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT f.id FROM follows f
            WHERE f.state = 'active' AND (f.last_alert_at IS NULL OR f.last_alert_at <= $since)
              AND EXISTS (SELECT 1 FROM follow_alerts a WHERE a.follow_id = f.id AND a.batch_id IS NULL)
            ORDER BY f.id
            """);
        command.Parameters.AddWithValue("$since", SqliteTime.ToMicroseconds(now - minInterval));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    public Task<FollowBatch?> ClaimBatchAsync(long followId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.WriteAsync<FollowBatch?>((connection, transaction) =>
        {
            long batchId;
            using (var insert = Command(connection, transaction,
                "INSERT INTO follow_batches (follow_id, status, created_at, lease_until) VALUES ($follow, 'Claimed', $at, $lease) RETURNING id"))
            {
                insert.Parameters.AddWithValue("$follow", followId);
                insert.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(now));
                insert.Parameters.AddWithValue("$lease", SqliteTime.ToMicroseconds(leaseUntil));
                batchId = (long)insert.ExecuteScalar()!;
            }

            using (var claim = Command(connection, transaction, "UPDATE follow_alerts SET batch_id = $batch WHERE follow_id = $follow AND batch_id IS NULL"))
            {
                claim.Parameters.AddWithValue("$batch", batchId);
                claim.Parameters.AddWithValue("$follow", followId);
                if (claim.ExecuteNonQuery() == 0)
                {
                    using var drop = Command(connection, transaction, "DELETE FROM follow_batches WHERE id = $batch");
                    drop.Parameters.AddWithValue("$batch", batchId);
                    drop.ExecuteNonQuery();
                    return null;
                }
            }

            return ReadBatches(connection, transaction, "b.id = $batch", c => c.Parameters.AddWithValue("$batch", batchId))[0];
        }, cancellationToken);

    public Task<IReadOnlyList<FollowBatch>> LeaseUnfinishedBatchesAsync(DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<FollowBatch>>((connection, transaction) =>
        {
            var leased = new List<long>();
            using (var lease = Command(connection, transaction,
                "UPDATE follow_batches SET lease_until = $lease WHERE status IN ('Claimed', 'Sending') AND lease_until <= $now RETURNING id"))
            {
                lease.Parameters.AddWithValue("$now", SqliteTime.ToMicroseconds(now));
                lease.Parameters.AddWithValue("$lease", SqliteTime.ToMicroseconds(leaseUntil));
                using var reader = lease.ExecuteReader();
                while (reader.Read())
                {
                    leased.Add(reader.GetInt64(0));
                }
            }

            return leased.Count == 0
                ? []
                : ReadBatches(connection, transaction, $"b.id IN ({string.Join(',', leased)})", _ => { });
        }, cancellationToken);

    public Task SavePayloadAsync(long batchId, string payload, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "UPDATE follow_batches SET payload = $payload, status = 'Sending' WHERE id = $id AND status = 'Claimed'");
            command.Parameters.AddWithValue("$id", batchId);
            command.Parameters.AddWithValue("$payload", payload);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task CompleteBatchAsync(long batchId, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using (var batch = Command(connection, transaction, "UPDATE follow_batches SET status = 'Sent', message_id = $message, finished_at = $at WHERE id = $id"))
            {
                batch.Parameters.AddWithValue("$id", batchId);
                batch.Parameters.AddWithValue("$message", messageId);
                batch.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(sentAt));
                batch.ExecuteNonQuery();
            }

            using var follow = Command(connection, transaction, "UPDATE follows SET last_alert_at = $at WHERE id = (SELECT follow_id FROM follow_batches WHERE id = $id)");
            follow.Parameters.AddWithValue("$id", batchId);
            follow.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(sentAt));
            return follow.ExecuteNonQuery();
        }, cancellationToken);

    public Task FailBatchAsync(long batchId, string error, DateTimeOffset failedAt, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "UPDATE follow_batches SET status = 'Failed', error = $error, finished_at = $at WHERE id = $id");
            command.Parameters.AddWithValue("$id", batchId);
            command.Parameters.AddWithValue("$error", error);
            command.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(failedAt));
            return command.ExecuteNonQuery();
        }, cancellationToken);

    private static List<FollowBatch> ReadBatches(SqliteConnection connection, SqliteTransaction? transaction, string where, Action<SqliteCommand> bind)
    {
        using var command = Command(connection, transaction, $"""
            SELECT b.id, b.follow_id, b.status, b.payload, a.story_id, a.article_id, a.development_ids, a.queued_at
            FROM follow_batches b LEFT JOIN follow_alerts a ON a.batch_id = b.id
            WHERE {where} ORDER BY b.id, a.queued_at, a.story_id
            """);
        bind(command);
        using var reader = command.ExecuteReader();
        var batches = new List<FollowBatch>();
        var alerts = new List<FollowAlert>();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (batches.Count == 0 || batches[^1].Id != id)
            {
                alerts = [];
                batches.Add(new FollowBatch(id, reader.GetInt64(1), Enum.Parse<FollowBatchStatus>(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3), alerts));
            }

            if (!reader.IsDBNull(4))
            {
                alerts.Add(new FollowAlert(reader.GetInt64(1), reader.GetInt64(4), reader.GetInt64(5), FollowIds.Parse(reader.GetString(6)), SqliteTime.FromMicroseconds(reader.GetInt64(7))));
            }
        }

        return batches;
    }

    private static Follow? Read(SqliteConnection connection, SqliteTransaction? transaction, long id)
    {
        using var command = Command(connection, transaction, $"SELECT {FollowColumns} FROM follows WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return ReadAll(command) is [var follow] ? follow : null;
    }

    private static List<Follow> ReadAll(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var follows = new List<Follow>();
        while (reader.Read())
        {
            follows.Add(new Follow(
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
                SqliteTime.FromMicroseconds(reader.GetInt64(13)),
                reader.IsDBNull(14) ? null : SqliteTime.FromMicroseconds(reader.GetInt64(14))));
        }

        return follows;
    }

    private static void Bind(SqliteCommand command, NewFollow follow)
    {
        command.Parameters.AddWithValue("$platform", follow.Platform);
        command.Parameters.AddWithValue("$workspace", follow.WorkspaceId);
        command.Parameters.AddWithValue("$user", follow.UserId);
        command.Parameters.AddWithValue("$kind", FollowIds.Name(follow.Target.Kind));
        command.Parameters.AddWithValue("$key", follow.Target.Key);
        command.Parameters.AddWithValue("$delivery", FollowIds.Name(follow.Delivery));
        command.Parameters.AddWithValue("$channel", follow.ChannelId);
        command.Parameters.AddWithValue("$mention", follow.MentionId);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
