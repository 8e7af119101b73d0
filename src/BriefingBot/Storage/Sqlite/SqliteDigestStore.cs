using System.Text.Json;
using BriefingBot.Digests;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

public sealed class SqliteDigestStore(SqliteDatabase database, TimeProvider time) : IDigestStore
{
    private const string SubscriptionColumns = "id, platform, channel_id, schedule, cron, time_zone, filter, max_items, origin, enabled, disabled_reason";
    private const string RunColumns = "id, platform, channel_id, fire_time, status";

    public Task<DigestSubscription> SaveSubscriptionAsync(DigestSubscription subscription, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, $"""
                INSERT INTO digest_subscriptions (platform, channel_id, schedule, cron, time_zone, filter, max_items, origin, enabled, disabled_reason, updated_at)
                VALUES ($platform, $channel, $schedule, $cron, $zone, $filter, $max, $origin, 1, NULL, $at)
                ON CONFLICT (platform, channel_id) DO UPDATE SET
                    schedule = excluded.schedule, cron = excluded.cron, time_zone = excluded.time_zone, filter = excluded.filter,
                    max_items = excluded.max_items, origin = excluded.origin, enabled = 1, disabled_reason = NULL, updated_at = excluded.updated_at
                RETURNING {SubscriptionColumns}
                """);
            command.Parameters.AddWithValue("$platform", subscription.Platform);
            command.Parameters.AddWithValue("$channel", subscription.ChannelId);
            command.Parameters.AddWithValue("$schedule", subscription.Schedule);
            command.Parameters.AddWithValue("$cron", subscription.Cron);
            command.Parameters.AddWithValue("$zone", subscription.TimeZone);
            command.Parameters.AddWithValue("$filter", (object?)subscription.Filter ?? DBNull.Value);
            command.Parameters.AddWithValue("$max", subscription.MaxItems);
            command.Parameters.AddWithValue("$origin", subscription.Origin.ToString());
            command.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(time.GetUtcNow()));
            using var reader = command.ExecuteReader();
            reader.Read();
            return ReadSubscription(reader);
        }, cancellationToken);

    public async Task<DigestSubscription?> GetSubscriptionAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {SubscriptionColumns} FROM digest_subscriptions WHERE platform = $platform AND channel_id = $channel");
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$channel", channelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadSubscription(reader) : null;
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {SubscriptionColumns} FROM digest_subscriptions ORDER BY platform, channel_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<DigestSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadSubscription(reader));
        }

        return list;
    }

    public Task<bool> DeleteSubscriptionAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "DELETE FROM digest_subscriptions WHERE platform = $platform AND channel_id = $channel");
            command.Parameters.AddWithValue("$platform", platform);
            command.Parameters.AddWithValue("$channel", channelId);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);

    public Task DisableSubscriptionAsync(string platform, string channelId, string reason, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction,
                "UPDATE digest_subscriptions SET enabled = 0, disabled_reason = $reason, updated_at = $at WHERE platform = $platform AND channel_id = $channel");
            command.Parameters.AddWithValue("$platform", platform);
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(time.GetUtcNow()));
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<DigestRun> ClaimRunAsync(string platform, string channelId, DateTimeOffset fireTime, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using (var insert = Command(connection, transaction, """
                INSERT INTO digest_runs (platform, channel_id, fire_time, status) VALUES ($platform, $channel, $fire, 'Claimed')
                ON CONFLICT (platform, channel_id, fire_time) DO NOTHING
                """))
            {
                insert.Parameters.AddWithValue("$platform", platform);
                insert.Parameters.AddWithValue("$channel", channelId);
                insert.Parameters.AddWithValue("$fire", SqliteTime.ToMicroseconds(fireTime));
                insert.ExecuteNonQuery();
            }

            using var select = Command(connection, transaction, $"SELECT {RunColumns} FROM digest_runs WHERE platform = $platform AND channel_id = $channel AND fire_time = $fire");
            select.Parameters.AddWithValue("$platform", platform);
            select.Parameters.AddWithValue("$channel", channelId);
            select.Parameters.AddWithValue("$fire", SqliteTime.ToMicroseconds(fireTime));
            using var reader = select.ExecuteReader();
            reader.Read();
            return ReadRun(reader);
        }, cancellationToken);

    public async Task<IReadOnlyList<DigestRun>> ListUnfinishedRunsAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {RunColumns} FROM digest_runs WHERE platform = $platform AND channel_id = $channel AND status IN ('Claimed', 'Sending') ORDER BY fire_time");
        command.Parameters.AddWithValue("$platform", platform);
        command.Parameters.AddWithValue("$channel", channelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<DigestRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    public Task SavePartsAsync(long runId, IReadOnlyList<string> payloads, IReadOnlyList<long> storyIds, DateTimeOffset composedAt, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using (var clear = Command(connection, transaction, "DELETE FROM digest_run_parts WHERE run_id = $run"))
            {
                clear.Parameters.AddWithValue("$run", runId);
                clear.ExecuteNonQuery();
            }

            using (var insert = Command(connection, transaction, "INSERT INTO digest_run_parts (run_id, part, payload) VALUES ($run, $part, $payload)"))
            {
                var part = insert.Parameters.Add("$part", SqliteType.Integer);
                var payload = insert.Parameters.Add("$payload", SqliteType.Text);
                insert.Parameters.AddWithValue("$run", runId);
                for (var i = 0; i < payloads.Count; i++)
                {
                    part.Value = i;
                    payload.Value = payloads[i];
                    insert.ExecuteNonQuery();
                }
            }

            using var update = Command(connection, transaction, "UPDATE digest_runs SET status = 'Sending', composed_at = $at, story_ids = $stories WHERE id = $run");
            update.Parameters.AddWithValue("$run", runId);
            update.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(composedAt));
            update.Parameters.AddWithValue("$stories", JsonSerializer.Serialize(storyIds, DigestJson.Default.IReadOnlyListInt64));
            return update.ExecuteNonQuery();
        }, cancellationToken);

    public async Task<IReadOnlyList<DigestRunPart>> GetPartsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT part, payload, message_id FROM digest_run_parts WHERE run_id = $run ORDER BY part");
        command.Parameters.AddWithValue("$run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parts = new List<DigestRunPart>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parts.Add(new DigestRunPart(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return parts;
    }

    public Task MarkPartSentAsync(long runId, int index, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "UPDATE digest_run_parts SET message_id = $message, sent_at = $at WHERE run_id = $run AND part = $part");
            command.Parameters.AddWithValue("$run", runId);
            command.Parameters.AddWithValue("$part", index);
            command.Parameters.AddWithValue("$message", messageId);
            command.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(sentAt));
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task CompleteRunAsync(long runId, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            string platform, channel, stories;
            long composedAt;
            using (var read = Command(connection, transaction, "SELECT platform, channel_id, coalesce(story_ids, '[]'), coalesce(composed_at, $at) FROM digest_runs WHERE id = $run"))
            {
                read.Parameters.AddWithValue("$run", runId);
                read.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(finishedAt));
                using var reader = read.ExecuteReader();
                reader.Read();
                (platform, channel, stories, composedAt) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3));
            }

            using (var insert = Command(connection, transaction, """
                INSERT INTO digest_sent_stories (platform, channel_id, story_id, sent_at) VALUES ($platform, $channel, $story, $at)
                ON CONFLICT DO NOTHING
                """))
            {
                insert.Parameters.AddWithValue("$platform", platform);
                insert.Parameters.AddWithValue("$channel", channel);
                insert.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(finishedAt));
                var story = insert.Parameters.Add("$story", SqliteType.Integer);
                foreach (var id in JsonSerializer.Deserialize(stories, DigestJson.Default.IReadOnlyListInt64) ?? [])
                {
                    story.Value = id;
                    insert.ExecuteNonQuery();
                }
            }

            using (var channelState = Command(connection, transaction, """
                INSERT INTO digest_channels (platform, channel_id, last_sent_at) VALUES ($platform, $channel, $at)
                ON CONFLICT (platform, channel_id) DO UPDATE SET last_sent_at = max(last_sent_at, excluded.last_sent_at)
                """))
            {
                channelState.Parameters.AddWithValue("$platform", platform);
                channelState.Parameters.AddWithValue("$channel", channel);
                channelState.Parameters.AddWithValue("$at", composedAt);
                channelState.ExecuteNonQuery();
            }

            using var update = Command(connection, transaction, "UPDATE digest_runs SET status = 'Sent', finished_at = $at WHERE id = $run");
            update.Parameters.AddWithValue("$run", runId);
            update.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(finishedAt));
            return update.ExecuteNonQuery();
        }, cancellationToken);

    public Task FailRunAsync(long runId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "UPDATE digest_runs SET status = 'Failed', error = $error, finished_at = $at WHERE id = $run");
            command.Parameters.AddWithValue("$run", runId);
            command.Parameters.AddWithValue("$error", error);
            command.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(finishedAt));
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public async Task<DigestChannelState> GetChannelStateAsync(string platform, string channelId, DateTimeOffset sentAfter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        DateTimeOffset? lastSent = null;
        await using (var command = Command(connection, null, "SELECT last_sent_at FROM digest_channels WHERE platform = $platform AND channel_id = $channel"))
        {
            command.Parameters.AddWithValue("$platform", platform);
            command.Parameters.AddWithValue("$channel", channelId);
            if (await command.ExecuteScalarAsync(cancellationToken) is long micros)
            {
                lastSent = SqliteTime.FromMicroseconds(micros);
            }
        }

        var stories = new HashSet<long>();
        await using (var command = Command(connection, null, "SELECT story_id FROM digest_sent_stories WHERE platform = $platform AND channel_id = $channel AND sent_at > $after"))
        {
            command.Parameters.AddWithValue("$platform", platform);
            command.Parameters.AddWithValue("$channel", channelId);
            command.Parameters.AddWithValue("$after", SqliteTime.ToMicroseconds(sentAfter));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stories.Add(reader.GetInt64(0));
            }
        }

        return new DigestChannelState(lastSent, stories);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static DigestSubscription ReadSubscription(SqliteDataReader reader) =>
        new(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(7), Enum.Parse<SubscriptionOrigin>(reader.GetString(8)))
        {
            Id = reader.GetInt64(0),
            Enabled = reader.GetInt64(9) != 0,
            DisabledReason = reader.IsDBNull(10) ? null : reader.GetString(10),
        };

    private static DigestRun ReadRun(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), SqliteTime.FromMicroseconds(reader.GetInt64(3)), Enum.Parse<DigestRunStatus>(reader.GetString(4)));
}
