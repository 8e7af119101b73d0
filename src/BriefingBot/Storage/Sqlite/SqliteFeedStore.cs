using BriefingBot.Articles.Feeds;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

public sealed class SqliteFeedStore(SqliteDatabase database) : IFeedStore
{
    private const string Columns = """
        id, tenant, url, title, interval_seconds, origin, created_at, next_due_at, etag, last_modified, last_fetch_at, last_success_at,
        items_stored, state, state_reason, state_since, consecutive_failures, failing_since, last_error, added_platform, added_channel, added_by
        """;

    public Task<(Feed Feed, bool Created)> AddAsync(Feed feed, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using (var insert = Command(connection, transaction, """
                INSERT INTO feeds (tenant, url, canonical_url, title, interval_seconds, origin, created_at, next_due_at, etag, last_modified,
                    last_fetch_at, last_success_at, items_stored, state, state_reason, state_since, consecutive_failures, failing_since, last_error,
                    added_platform, added_channel, added_by)
                VALUES ($tenant, $url, $canonical, $title, $interval, $origin, $created, $due, $etag, $modified, $fetch, $success, $items,
                    $state, $reason, $since, $failures, $failing, $error, $platform, $channel, $by)
                ON CONFLICT (tenant, canonical_url) DO NOTHING
                """))
            {
                Bind(insert, feed);
                insert.Parameters.AddWithValue("$canonical", Feed.Canonical(feed.Url));
                insert.Parameters.AddWithValue("$origin", feed.Origin.ToString());
                insert.Parameters.AddWithValue("$created", SqliteTime.ToMicroseconds(feed.CreatedAt));
                if (insert.ExecuteNonQuery() == 0)
                {
                    return (Find(connection, transaction, feed)!, false);
                }
            }

            using var last = Command(connection, transaction, $"SELECT {Columns} FROM feeds WHERE id = last_insert_rowid()");
            using var reader = last.ExecuteReader();
            reader.Read();
            return (Read(reader), true);
        }, cancellationToken);

    public async Task<Feed?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM feeds WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public Task<IReadOnlyList<Feed>> ListAsync(CancellationToken cancellationToken) =>
        ListWhereAsync($"SELECT {Columns} FROM feeds ORDER BY id", _ => { }, cancellationToken);

    public Task<IReadOnlyList<Feed>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListWhereAsync(
            $"SELECT {Columns} FROM feeds WHERE state = 'Active' AND next_due_at <= $now ORDER BY next_due_at, id LIMIT $limit",
            command =>
            {
                command.Parameters.AddWithValue("$now", SqliteTime.ToMicroseconds(now));
                command.Parameters.AddWithValue("$limit", limit);
            },
            cancellationToken);

    public Task<bool> UpdateAsync(Feed feed, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, """
                UPDATE feeds SET title = $title, interval_seconds = $interval, next_due_at = $due, etag = $etag, last_modified = $modified,
                    last_fetch_at = $fetch, last_success_at = $success, items_stored = $items, state = $state, state_reason = $reason,
                    state_since = $since, consecutive_failures = $failures, failing_since = $failing, last_error = $error,
                    added_platform = $platform, added_channel = $channel, added_by = $by
                WHERE id = $id
                """);
            Bind(command, feed);
            command.Parameters.AddWithValue("$id", feed.Id);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);

    public Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var command = Command(connection, transaction, "DELETE FROM feeds WHERE id = $id");
            command.Parameters.AddWithValue("$id", id);
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);

    private static Feed? Find(SqliteConnection connection, SqliteTransaction transaction, Feed feed)
    {
        using var command = Command(connection, transaction, $"SELECT {Columns} FROM feeds WHERE tenant = $tenant AND canonical_url = $canonical");
        command.Parameters.AddWithValue("$tenant", feed.Tenant ?? "");
        command.Parameters.AddWithValue("$canonical", Feed.Canonical(feed.Url));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private async Task<IReadOnlyList<Feed>> ListWhereAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql);
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var feeds = new List<Feed>();
        while (await reader.ReadAsync(cancellationToken))
        {
            feeds.Add(Read(reader));
        }

        return feeds;
    }

    private static void Bind(SqliteCommand command, Feed feed)
    {
        command.Parameters.AddWithValue("$tenant", feed.Tenant ?? "");
        command.Parameters.AddWithValue("$url", feed.Url);
        command.Parameters.AddWithValue("$title", (object?)feed.Title ?? DBNull.Value);
        command.Parameters.AddWithValue("$interval", (long)feed.Interval.TotalSeconds);
        command.Parameters.AddWithValue("$due", SqliteTime.ToMicroseconds(feed.NextDueAt));
        command.Parameters.AddWithValue("$etag", (object?)feed.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$modified", (object?)feed.LastModified ?? DBNull.Value);
        command.Parameters.AddWithValue("$fetch", SqliteTime.ToDb(feed.LastFetchAt));
        command.Parameters.AddWithValue("$success", SqliteTime.ToDb(feed.LastSuccessAt));
        command.Parameters.AddWithValue("$items", feed.ItemsStored);
        command.Parameters.AddWithValue("$state", feed.State.ToString());
        command.Parameters.AddWithValue("$reason", (object?)feed.StateReason ?? DBNull.Value);
        command.Parameters.AddWithValue("$since", SqliteTime.ToMicroseconds(feed.StateSince));
        command.Parameters.AddWithValue("$failures", feed.ConsecutiveFailures);
        command.Parameters.AddWithValue("$failing", SqliteTime.ToDb(feed.FailingSince));
        command.Parameters.AddWithValue("$error", (object?)feed.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$platform", (object?)feed.AddedPlatform ?? DBNull.Value);
        command.Parameters.AddWithValue("$channel", (object?)feed.AddedChannel ?? DBNull.Value);
        command.Parameters.AddWithValue("$by", (object?)feed.AddedBy ?? DBNull.Value);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static string? Text(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static DateTimeOffset? Time(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : SqliteTime.FromMicroseconds(reader.GetInt64(i));

    private static Feed Read(SqliteDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetString(1) is { Length: > 0 } tenant ? tenant : null,
            reader.GetString(2),
            Text(reader, 3),
            TimeSpan.FromSeconds(reader.GetInt64(4)),
            Enum.Parse<FeedOrigin>(reader.GetString(5)),
            SqliteTime.FromMicroseconds(reader.GetInt64(6)),
            SqliteTime.FromMicroseconds(reader.GetInt64(7)))
        {
            ETag = Text(reader, 8),
            LastModified = Text(reader, 9),
            LastFetchAt = Time(reader, 10),
            LastSuccessAt = Time(reader, 11),
            ItemsStored = reader.GetInt32(12),
            State = Enum.Parse<FeedState>(reader.GetString(13)),
            StateReason = Text(reader, 14),
            StateSince = SqliteTime.FromMicroseconds(reader.GetInt64(15)),
            ConsecutiveFailures = reader.GetInt32(16),
            FailingSince = Time(reader, 17),
            LastError = Text(reader, 18),
            AddedPlatform = Text(reader, 19),
            AddedChannel = Text(reader, 20),
            AddedBy = Text(reader, 21),
        };
}
