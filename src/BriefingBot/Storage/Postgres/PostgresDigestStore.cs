using System.Text.Json;
using BriefingBot.Digests;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

public sealed class PostgresDigestStore(PostgresDatabase database, TimeProvider time) : IDigestStore
{
    private const string SubscriptionColumns = "id, platform, channel_id, schedule, cron, time_zone, filter, max_items, origin, enabled, disabled_reason";
    private const string RunColumns = "id, platform, channel_id, fire_time, status";

    public async Task<DigestSubscription> SaveSubscriptionAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO digest_subscriptions (platform, channel_id, schedule, cron, time_zone, filter, max_items, origin, enabled, disabled_reason, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, NULL, $9)
            ON CONFLICT (platform, channel_id) DO UPDATE SET
                schedule = excluded.schedule, cron = excluded.cron, time_zone = excluded.time_zone, filter = excluded.filter,
                max_items = excluded.max_items, origin = excluded.origin, enabled = true, disabled_reason = NULL, updated_at = excluded.updated_at
            RETURNING {SubscriptionColumns}
            """, connection);
        command.Parameters.AddWithValue(subscription.Platform);
        command.Parameters.AddWithValue(subscription.ChannelId);
        command.Parameters.AddWithValue(subscription.Schedule);
        command.Parameters.AddWithValue(subscription.Cron);
        command.Parameters.AddWithValue(subscription.TimeZone);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)subscription.Filter ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.AddWithValue(subscription.MaxItems);
        command.Parameters.AddWithValue(subscription.Origin.ToString());
        command.Parameters.AddWithValue(time.GetUtcNow());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ReadSubscription(reader);
    }

    public async Task<DigestSubscription?> GetSubscriptionAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {SubscriptionColumns} FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2", connection);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(channelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadSubscription(reader) : null;
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {SubscriptionColumns} FROM digest_subscriptions ORDER BY platform, channel_id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<DigestSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(ReadSubscription(reader));
        }

        return list;
    }

    public async Task<bool> DeleteSubscriptionAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM digest_subscriptions WHERE platform = $1 AND channel_id = $2", cancellationToken, platform, channelId) > 0;

    public Task DisableSubscriptionAsync(string platform, string channelId, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE digest_subscriptions SET enabled = false, disabled_reason = $3, updated_at = $4 WHERE platform = $1 AND channel_id = $2",
            cancellationToken, platform, channelId, reason, time.GetUtcNow());

    public async Task<DigestRun> ClaimRunAsync(string platform, string channelId, DateTimeOffset fireTime, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            WITH inserted AS (
                INSERT INTO digest_runs (platform, channel_id, fire_time, status) VALUES ($1, $2, $3, 'Claimed')
                ON CONFLICT (platform, channel_id, fire_time) DO NOTHING
                RETURNING {RunColumns})
            SELECT {RunColumns} FROM inserted
            UNION ALL
            SELECT {RunColumns} FROM digest_runs WHERE platform = $1 AND channel_id = $2 AND fire_time = $3
            LIMIT 1
            """, connection);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(channelId);
        command.Parameters.AddWithValue(fireTime.ToUniversalTime());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ReadRun(reader);
    }

    public async Task<IReadOnlyList<DigestRun>> ListUnfinishedRunsAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {RunColumns} FROM digest_runs WHERE platform = $1 AND channel_id = $2 AND status IN ('Claimed', 'Sending') ORDER BY fire_time", connection);
        command.Parameters.AddWithValue(platform);
        command.Parameters.AddWithValue(channelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var runs = new List<DigestRun>();
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(ReadRun(reader));
        }

        return runs;
    }

    public async Task SavePartsAsync(long runId, IReadOnlyList<string> payloads, IReadOnlyList<long> storyIds, DateTimeOffset composedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, "DELETE FROM digest_run_parts WHERE run_id = $1", cancellationToken, runId);
        for (var i = 0; i < payloads.Count; i++)
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO digest_run_parts (run_id, part, payload) VALUES ($1, $2, $3)", cancellationToken, runId, i, payloads[i]);
        }

        await ExecuteAsync(connection, transaction, "UPDATE digest_runs SET status = 'Sending', composed_at = $2, story_ids = $3 WHERE id = $1", cancellationToken,
            runId, composedAt.ToUniversalTime(), JsonSerializer.Serialize(storyIds, DigestJson.Default.IReadOnlyListInt64));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DigestRunPart>> GetPartsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT part, payload, message_id FROM digest_run_parts WHERE run_id = $1 ORDER BY part", connection);
        command.Parameters.AddWithValue(runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parts = new List<DigestRunPart>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parts.Add(new DigestRunPart(reader.GetInt32(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return parts;
    }

    public Task MarkPartSentAsync(long runId, int index, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE digest_run_parts SET message_id = $3, sent_at = $4 WHERE run_id = $1 AND part = $2",
            cancellationToken, runId, index, messageId, sentAt.ToUniversalTime());

    public async Task CompleteRunAsync(long runId, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string platform, channel, stories;
        DateTimeOffset composedAt;
        await using (var read = new NpgsqlCommand("SELECT platform, channel_id, coalesce(story_ids, '[]'), coalesce(composed_at, $2) FROM digest_runs WHERE id = $1 FOR UPDATE", connection, transaction))
        {
            read.Parameters.AddWithValue(runId);
            read.Parameters.AddWithValue(finishedAt.ToUniversalTime());
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (platform, channel, stories, composedAt) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
        }

        var ids = JsonSerializer.Deserialize(stories, DigestJson.Default.IReadOnlyListInt64) ?? [];
        await ExecuteAsync(connection, transaction, """
            INSERT INTO digest_sent_stories (platform, channel_id, story_id, sent_at) SELECT $1, $2, unnest($3::bigint[]), $4
            ON CONFLICT DO NOTHING
            """, cancellationToken, platform, channel, ids.ToArray(), finishedAt.ToUniversalTime());
        await ExecuteAsync(connection, transaction, """
            INSERT INTO digest_channels (platform, channel_id, last_sent_at) VALUES ($1, $2, $3)
            ON CONFLICT (platform, channel_id) DO UPDATE SET last_sent_at = greatest(digest_channels.last_sent_at, excluded.last_sent_at)
            """, cancellationToken, platform, channel, composedAt);
        await ExecuteAsync(connection, transaction, "UPDATE digest_runs SET status = 'Sent', finished_at = $2 WHERE id = $1", cancellationToken, runId, finishedAt.ToUniversalTime());
        await transaction.CommitAsync(cancellationToken);
    }

    public Task FailRunAsync(long runId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE digest_runs SET status = 'Failed', error = $2, finished_at = $3 WHERE id = $1", cancellationToken, runId, error, finishedAt.ToUniversalTime());

    public async Task<DigestChannelState> GetChannelStateAsync(string platform, string channelId, DateTimeOffset sentAfter, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        DateTimeOffset? lastSent = null;
        await using (var command = new NpgsqlCommand("SELECT last_sent_at FROM digest_channels WHERE platform = $1 AND channel_id = $2", connection))
        {
            command.Parameters.AddWithValue(platform);
            command.Parameters.AddWithValue(channelId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                lastSent = reader.GetFieldValue<DateTimeOffset>(0);
            }
        }

        var stories = new HashSet<long>();
        await using (var command = new NpgsqlCommand("SELECT story_id FROM digest_sent_stories WHERE platform = $1 AND channel_id = $2 AND sent_at > $3", connection))
        {
            command.Parameters.AddWithValue(platform);
            command.Parameters.AddWithValue(channelId);
            command.Parameters.AddWithValue(sentAfter.ToUniversalTime());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stories.Add(reader.GetInt64(0));
            }
        }

        return new DigestChannelState(lastSent, stories);
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, sql, cancellationToken, values);
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DigestSubscription ReadSubscription(NpgsqlDataReader reader) =>
        new(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt32(7), Enum.Parse<SubscriptionOrigin>(reader.GetString(8)))
        {
            Id = reader.GetInt64(0),
            Enabled = reader.GetBoolean(9),
            DisabledReason = reader.IsDBNull(10) ? null : reader.GetString(10),
        };

    private static DigestRun ReadRun(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), Enum.Parse<DigestRunStatus>(reader.GetString(4)));
}
