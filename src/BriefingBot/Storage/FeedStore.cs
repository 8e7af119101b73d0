using BriefingBot.Articles.Feeds;
using BriefingBot.Storage.Sql;

namespace BriefingBot.Storage;

/// <summary>Subscribed feeds and their fetch state: one SQL text for SQLite and PostgreSQL. The shared tenant is stored as ''.</summary>
public sealed class FeedStore(ISqlDatabase database) : IFeedStore
{
    private const string Columns = """
        id, tenant, url, title, interval_seconds, origin, created_at, next_due_at, etag, last_modified, last_fetch_at, last_success_at,
        items_stored, state, state_reason, state_since, consecutive_failures, failing_since, last_error, added_platform, added_channel, added_by
        """;

    public Task<(Feed Feed, bool Created)> AddAsync(Feed feed, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            var values = Values(feed);
            var created = await transaction.QueryFirstOrDefaultAsync<FeedRow>($"""
                INSERT INTO feeds (tenant, url, title, interval_seconds, next_due_at, etag, last_modified, last_fetch_at, last_success_at,
                    items_stored, state, state_reason, state_since, consecutive_failures, failing_since, last_error, added_platform,
                    added_channel, added_by, canonical_url, origin, created_at)
                VALUES (@Tenant, @Url, @Title, @Interval, @NextDueAt, @ETag, @LastModified, @LastFetchAt, @LastSuccessAt, @ItemsStored, @State,
                    @StateReason, @StateSince, @ConsecutiveFailures, @FailingSince, @LastError, @AddedPlatform, @AddedChannel, @AddedBy,
                    @Canonical, @Origin, @CreatedAt)
                ON CONFLICT (tenant, canonical_url) DO NOTHING
                RETURNING {Columns}
                """, values, cancellationToken);
            return created is not null
                ? (created.ToFeed(), true)
                : ((await transaction.QuerySingleAsync<FeedRow>(
                    $"SELECT {Columns} FROM feeds WHERE tenant = @Tenant AND canonical_url = @Canonical", values, cancellationToken)).ToFeed(), false);
        }, cancellationToken);

    public async Task<Feed?> GetAsync(long id, CancellationToken cancellationToken) =>
        (await database.QueryFirstOrDefaultAsync<FeedRow>($"SELECT {Columns} FROM feeds WHERE id = @id", new { id }, cancellationToken))?.ToFeed();

    public Task<IReadOnlyList<Feed>> ListAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns} FROM feeds ORDER BY id", null, cancellationToken);

    public Task<IReadOnlyList<Feed>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns} FROM feeds WHERE state = 'Active' AND next_due_at <= @now ORDER BY next_due_at, id LIMIT @limit",
            new { now, limit }, cancellationToken);

    public async Task<bool> UpdateAsync(Feed feed, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            UPDATE feeds SET title = @Title, interval_seconds = @Interval, next_due_at = @NextDueAt, etag = @ETag, last_modified = @LastModified,
                last_fetch_at = @LastFetchAt, last_success_at = @LastSuccessAt, items_stored = @ItemsStored, state = @State,
                state_reason = @StateReason, state_since = @StateSince, consecutive_failures = @ConsecutiveFailures, failing_since = @FailingSince,
                last_error = @LastError, added_platform = @AddedPlatform, added_channel = @AddedChannel, added_by = @AddedBy
            WHERE id = @Id
            """, Values(feed), cancellationToken) > 0;

    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM feeds WHERE id = @id", new { id }, cancellationToken) > 0;

    private async Task<IReadOnlyList<Feed>> ListAsync(string sql, object? values, CancellationToken cancellationToken) =>
        [.. (await database.QueryAsync<FeedRow>(sql, values, cancellationToken)).Select(r => r.ToFeed())];

    private static object Values(Feed feed) => new
    {
        feed.Id, Tenant = feed.Tenant ?? "", feed.Url, feed.Title, Interval = (long)feed.Interval.TotalSeconds, feed.NextDueAt, feed.ETag,
        feed.LastModified, feed.LastFetchAt, feed.LastSuccessAt, feed.ItemsStored, State = feed.State.ToString(), feed.StateReason, feed.StateSince,
        feed.ConsecutiveFailures, feed.FailingSince, feed.LastError, feed.AddedPlatform, feed.AddedChannel, feed.AddedBy,
        Canonical = Feed.Canonical(feed.Url), Origin = feed.Origin.ToString(), feed.CreatedAt,
    };

    private sealed class FeedRow
    {
        public long Id { get; set; }
        public string Tenant { get; set; } = "";
        public string Url { get; set; } = "";
        public string? Title { get; set; }
        public long IntervalSeconds { get; set; }
        public string Origin { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset NextDueAt { get; set; }
        public string? Etag { get; set; }
        public string? LastModified { get; set; }
        public DateTimeOffset? LastFetchAt { get; set; }
        public DateTimeOffset? LastSuccessAt { get; set; }
        public int ItemsStored { get; set; }
        public string State { get; set; } = "";
        public string? StateReason { get; set; }
        public DateTimeOffset StateSince { get; set; }
        public int ConsecutiveFailures { get; set; }
        public DateTimeOffset? FailingSince { get; set; }
        public string? LastError { get; set; }
        public string? AddedPlatform { get; set; }
        public string? AddedChannel { get; set; }
        public string? AddedBy { get; set; }

        public Feed ToFeed() =>
            new(Id, Tenant.Length > 0 ? Tenant : null, Url, Title, TimeSpan.FromSeconds(IntervalSeconds), Enum.Parse<FeedOrigin>(Origin), CreatedAt, NextDueAt)
            {
                ETag = Etag, LastModified = LastModified, LastFetchAt = LastFetchAt, LastSuccessAt = LastSuccessAt, ItemsStored = ItemsStored,
                State = Enum.Parse<FeedState>(State), StateReason = StateReason, StateSince = StateSince, ConsecutiveFailures = ConsecutiveFailures,
                FailingSince = FailingSince, LastError = LastError, AddedPlatform = AddedPlatform, AddedChannel = AddedChannel, AddedBy = AddedBy,
            };
    }
}
