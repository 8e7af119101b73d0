using BriefingBot.Articles.Feeds;
using Npgsql;
using NpgsqlTypes;

namespace BriefingBot.Storage.Postgres;

public sealed class PostgresFeedStore(PostgresDatabase database) : IFeedStore
{
    private const string Columns = """
        id, tenant, url, title, interval_seconds, origin, created_at, next_due_at, etag, last_modified, last_fetch_at, last_success_at,
        items_stored, state, state_reason, state_since, consecutive_failures, failing_since, last_error, added_platform, added_channel, added_by
        """;

    public async Task<(Feed Feed, bool Created)> AddAsync(Feed feed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO feeds (tenant, url, title, interval_seconds, next_due_at, etag, last_modified, last_fetch_at, last_success_at,
                items_stored, state, state_reason, state_since, consecutive_failures, failing_since, last_error, added_platform,
                added_channel, added_by, canonical_url, origin, created_at)
            VALUES (@tenant, @url, @title, @interval, @due, @etag, @modified, @fetch, @success, @items, @state, @reason, @since, @failures,
                @failing, @error, @platform, @channel, @by, @canonical, @origin, @created)
            ON CONFLICT (tenant, canonical_url) DO NOTHING
            RETURNING {Columns}
            """, connection))
        {
            Bind(insert, feed);
            insert.Parameters.AddWithValue("canonical", Feed.Canonical(feed.Url));
            insert.Parameters.AddWithValue("origin", feed.Origin.ToString());
            insert.Parameters.AddWithValue("created", feed.CreatedAt);
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return (Read(reader), true);
            }
        }

        await using var select = new NpgsqlCommand($"SELECT {Columns} FROM feeds WHERE tenant = @tenant AND canonical_url = @canonical", connection);
        select.Parameters.AddWithValue("tenant", feed.Tenant ?? "");
        select.Parameters.AddWithValue("canonical", Feed.Canonical(feed.Url));
        await using var existing = await select.ExecuteReaderAsync(cancellationToken);
        await existing.ReadAsync(cancellationToken);
        return (Read(existing), false);
    }

    public async Task<Feed?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var feeds = await ListWhereAsync($"SELECT {Columns} FROM feeds WHERE id = @id", c => c.Parameters.AddWithValue("id", id), cancellationToken);
        return feeds.Count == 0 ? null : feeds[0];
    }

    public Task<IReadOnlyList<Feed>> ListAsync(CancellationToken cancellationToken) =>
        ListWhereAsync($"SELECT {Columns} FROM feeds ORDER BY id", _ => { }, cancellationToken);

    public Task<IReadOnlyList<Feed>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListWhereAsync(
            $"SELECT {Columns} FROM feeds WHERE state = 'Active' AND next_due_at <= @now ORDER BY next_due_at, id LIMIT @limit",
            command =>
            {
                command.Parameters.AddWithValue("now", now);
                command.Parameters.AddWithValue("limit", limit);
            },
            cancellationToken);

    public async Task<bool> UpdateAsync(Feed feed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            UPDATE feeds SET title = @title, interval_seconds = @interval, next_due_at = @due, etag = @etag, last_modified = @modified,
                last_fetch_at = @fetch, last_success_at = @success, items_stored = @items, state = @state, state_reason = @reason,
                state_since = @since, consecutive_failures = @failures, failing_since = @failing, last_error = @error,
                added_platform = @platform, added_channel = @channel, added_by = @by
            WHERE id = @id
            """, connection);
        Bind(command, feed);
        command.Parameters.AddWithValue("id", feed.Id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM feeds WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<Feed>> ListWhereAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var feeds = new List<Feed>();
        while (await reader.ReadAsync(cancellationToken))
        {
            feeds.Add(Read(reader));
        }

        return feeds;
    }

    private static void Bind(NpgsqlCommand command, Feed feed)
    {
        command.Parameters.AddWithValue("tenant", feed.Tenant ?? "");
        command.Parameters.AddWithValue("url", feed.Url);
        Nullable(command, "title", feed.Title, NpgsqlDbType.Text);
        command.Parameters.AddWithValue("interval", (long)feed.Interval.TotalSeconds);
        command.Parameters.AddWithValue("due", feed.NextDueAt);
        Nullable(command, "etag", feed.ETag, NpgsqlDbType.Text);
        Nullable(command, "modified", feed.LastModified, NpgsqlDbType.Text);
        Nullable(command, "fetch", feed.LastFetchAt, NpgsqlDbType.TimestampTz);
        Nullable(command, "success", feed.LastSuccessAt, NpgsqlDbType.TimestampTz);
        command.Parameters.AddWithValue("items", feed.ItemsStored);
        command.Parameters.AddWithValue("state", feed.State.ToString());
        Nullable(command, "reason", feed.StateReason, NpgsqlDbType.Text);
        command.Parameters.AddWithValue("since", feed.StateSince);
        command.Parameters.AddWithValue("failures", feed.ConsecutiveFailures);
        Nullable(command, "failing", feed.FailingSince, NpgsqlDbType.TimestampTz);
        Nullable(command, "error", feed.LastError, NpgsqlDbType.Text);
        Nullable(command, "platform", feed.AddedPlatform, NpgsqlDbType.Text);
        Nullable(command, "channel", feed.AddedChannel, NpgsqlDbType.Text);
        Nullable(command, "by", feed.AddedBy, NpgsqlDbType.Text);
    }

    private static void Nullable(NpgsqlCommand command, string name, object? value, NpgsqlDbType type) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);

    private static Feed Read(NpgsqlDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetString(1) is { Length: > 0 } tenant ? tenant : null,
            reader.GetString(2),
            Text(reader, 3),
            TimeSpan.FromSeconds(reader.GetInt64(4)),
            Enum.Parse<FeedOrigin>(reader.GetString(5)),
            reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetFieldValue<DateTimeOffset>(7))
        {
            ETag = Text(reader, 8),
            LastModified = Text(reader, 9),
            LastFetchAt = Time(reader, 10),
            LastSuccessAt = Time(reader, 11),
            ItemsStored = reader.GetInt32(12),
            State = Enum.Parse<FeedState>(reader.GetString(13)),
            StateReason = Text(reader, 14),
            StateSince = reader.GetFieldValue<DateTimeOffset>(15),
            ConsecutiveFailures = reader.GetInt32(16),
            FailingSince = Time(reader, 17),
            LastError = Text(reader, 18),
            AddedPlatform = Text(reader, 19),
            AddedChannel = Text(reader, 20),
            AddedBy = Text(reader, 21),
        };
}
