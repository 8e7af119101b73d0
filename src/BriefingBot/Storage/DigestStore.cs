using System.Text.Json;
using BriefingBot.Digests;
using BriefingBot.Storage.Sql;

namespace BriefingBot.Storage;

/// <summary>Digest subscriptions, runs and what each channel was sent: one SQL text for SQLite and PostgreSQL.</summary>
public sealed class DigestStore(ISqlDatabase database, TimeProvider time) : IDigestStore
{
    private const string SubscriptionColumns = "id, platform, channel_id, schedule, cron, time_zone, filter, max_items, origin, enabled, disabled_reason";
    private const string RunColumns = "id, platform, channel_id, fire_time, status";
    private const string ChannelMatch = "platform = @platform AND channel_id = @channelId";

    public Task<DigestSubscription> SaveSubscriptionAsync(DigestSubscription subscription, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) => (await transaction.QuerySingleAsync<SubscriptionRow>($"""
            INSERT INTO digest_subscriptions (platform, channel_id, schedule, cron, time_zone, filter, max_items, origin, enabled, disabled_reason, updated_at)
            VALUES (@Platform, @ChannelId, @Schedule, @Cron, @TimeZone, @Filter, @MaxItems, @Origin, true, NULL, @At)
            ON CONFLICT (platform, channel_id) DO UPDATE SET
                schedule = excluded.schedule, cron = excluded.cron, time_zone = excluded.time_zone, filter = excluded.filter,
                max_items = excluded.max_items, origin = excluded.origin, enabled = true, disabled_reason = NULL, updated_at = excluded.updated_at
            RETURNING {SubscriptionColumns}
            """,
            new
            {
                subscription.Platform, subscription.ChannelId, subscription.Schedule, subscription.Cron, subscription.TimeZone, subscription.Filter,
                subscription.MaxItems, Origin = subscription.Origin.ToString(), At = time.GetUtcNow(),
            },
            cancellationToken)).ToSubscription(), cancellationToken);

    public async Task<DigestSubscription?> GetSubscriptionAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        (await database.QueryFirstOrDefaultAsync<SubscriptionRow>(
            $"SELECT {SubscriptionColumns} FROM digest_subscriptions WHERE {ChannelMatch}", new { platform, channelId }, cancellationToken))?.ToSubscription();

    public async Task<IReadOnlyList<DigestSubscription>> ListSubscriptionsAsync(CancellationToken cancellationToken) =>
        [.. (await database.QueryAsync<SubscriptionRow>(
            $"SELECT {SubscriptionColumns} FROM digest_subscriptions ORDER BY platform, channel_id", null, cancellationToken)).Select(r => r.ToSubscription())];

    public async Task<bool> DeleteSubscriptionAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync($"DELETE FROM digest_subscriptions WHERE {ChannelMatch}", new { platform, channelId }, cancellationToken) > 0;

    public Task DisableSubscriptionAsync(string platform, string channelId, string reason, CancellationToken cancellationToken) =>
        database.ExecuteAsync($"UPDATE digest_subscriptions SET enabled = false, disabled_reason = @reason, updated_at = @at WHERE {ChannelMatch}",
            new { platform, channelId, reason, at = time.GetUtcNow() }, cancellationToken);

    public Task<DigestRun> ClaimRunAsync(string platform, string channelId, DateTimeOffset fireTime, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            var run = new { platform, channelId, fireTime };
            await transaction.ExecuteAsync("""
                INSERT INTO digest_runs (platform, channel_id, fire_time, status) VALUES (@platform, @channelId, @fireTime, 'Claimed')
                ON CONFLICT (platform, channel_id, fire_time) DO NOTHING
                """, run, cancellationToken);
            return (await transaction.QuerySingleAsync<RunRow>(
                $"SELECT {RunColumns} FROM digest_runs WHERE {ChannelMatch} AND fire_time = @fireTime", run, cancellationToken)).ToRun();
        }, cancellationToken);

    public async Task<IReadOnlyList<DigestRun>> ListUnfinishedRunsAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        [.. (await database.QueryAsync<RunRow>(
            $"SELECT {RunColumns} FROM digest_runs WHERE {ChannelMatch} AND status IN ('Claimed', 'Sending') ORDER BY fire_time",
            new { platform, channelId }, cancellationToken)).Select(r => r.ToRun())];

    public Task SavePartsAsync(long runId, IReadOnlyList<string> payloads, IReadOnlyList<long> storyIds, DateTimeOffset composedAt, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            await transaction.ExecuteAsync("DELETE FROM digest_run_parts WHERE run_id = @runId", new { runId }, cancellationToken);
            await transaction.ExecuteAsync("INSERT INTO digest_run_parts (run_id, part, payload) VALUES (@runId, @part, @payload)",
                payloads.Select((payload, part) => new { runId, part, payload }), cancellationToken);
            return await transaction.ExecuteAsync("UPDATE digest_runs SET status = 'Sending', composed_at = @composedAt, story_ids = @stories WHERE id = @runId",
                new { runId, composedAt, stories = JsonSerializer.Serialize(storyIds, DigestJson.Default.IReadOnlyListInt64) }, cancellationToken);
        }, cancellationToken);

    public async Task<IReadOnlyList<DigestRunPart>> GetPartsAsync(long runId, CancellationToken cancellationToken) =>
        [.. (await database.QueryAsync<PartRow>(
            "SELECT part, payload, message_id FROM digest_run_parts WHERE run_id = @runId ORDER BY part", new { runId }, cancellationToken))
            .Select(r => new DigestRunPart(r.Part, r.Payload, r.MessageId))];

    public Task MarkPartSentAsync(long runId, int index, string messageId, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE digest_run_parts SET message_id = @messageId, sent_at = @sentAt WHERE run_id = @runId AND part = @index",
            new { runId, index, messageId, sentAt }, cancellationToken);

    public Task CompleteRunAsync(long runId, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            var run = await transaction.QuerySingleAsync<FinishedRunRow>(
                $"SELECT platform, channel_id, coalesce(story_ids, '[]') AS story_ids, composed_at FROM digest_runs WHERE id = @runId{database.Dialect.ForUpdate}",
                new { runId }, cancellationToken);
            var (platform, channelId) = (run.Platform, run.ChannelId);
            var stories = JsonSerializer.Deserialize(run.StoryIds, DigestJson.Default.IReadOnlyListInt64) ?? [];
            await transaction.ExecuteAsync("""
                INSERT INTO digest_sent_stories (platform, channel_id, story_id, sent_at) VALUES (@platform, @channelId, @storyId, @finishedAt)
                ON CONFLICT DO NOTHING
                """, stories.Select(storyId => new { platform, channelId, storyId, finishedAt }), cancellationToken);
            await transaction.ExecuteAsync($"""
                INSERT INTO digest_channels (platform, channel_id, last_sent_at) VALUES (@platform, @channelId, @at)
                ON CONFLICT (platform, channel_id) DO UPDATE SET last_sent_at = {database.Dialect.Greatest}(digest_channels.last_sent_at, excluded.last_sent_at)
                """, new { platform, channelId, at = run.ComposedAt ?? finishedAt }, cancellationToken);
            return await transaction.ExecuteAsync("UPDATE digest_runs SET status = 'Sent', finished_at = @finishedAt WHERE id = @runId",
                new { runId, finishedAt }, cancellationToken);
        }, cancellationToken);

    public Task FailRunAsync(long runId, string error, DateTimeOffset finishedAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE digest_runs SET status = 'Failed', error = @error, finished_at = @finishedAt WHERE id = @runId",
            new { runId, error, finishedAt }, cancellationToken);

    public async Task<DigestChannelState> GetChannelStateAsync(string platform, string channelId, DateTimeOffset sentAfter, CancellationToken cancellationToken)
    {
        var lastSent = await database.QueryFirstOrDefaultAsync<DateTimeOffset?>(
            $"SELECT last_sent_at FROM digest_channels WHERE {ChannelMatch}", new { platform, channelId }, cancellationToken);
        var stories = await database.QueryAsync<long>(
            $"SELECT story_id FROM digest_sent_stories WHERE {ChannelMatch} AND sent_at > @sentAfter", new { platform, channelId, sentAfter }, cancellationToken);
        return new DigestChannelState(lastSent, stories.ToHashSet());
    }

    private sealed class SubscriptionRow
    {
        public long Id { get; set; }
        public string Platform { get; set; } = "";
        public string ChannelId { get; set; } = "";
        public string Schedule { get; set; } = "";
        public string Cron { get; set; } = "";
        public string TimeZone { get; set; } = "";
        public string? Filter { get; set; }
        public int MaxItems { get; set; }
        public string Origin { get; set; } = "";
        public bool Enabled { get; set; }
        public string? DisabledReason { get; set; }

        public DigestSubscription ToSubscription() =>
            new(Platform, ChannelId, Schedule, Cron, TimeZone, Filter, MaxItems, Enum.Parse<SubscriptionOrigin>(Origin))
            {
                Id = Id, Enabled = Enabled, DisabledReason = DisabledReason,
            };
    }

    private sealed class RunRow
    {
        public long Id { get; set; }
        public string Platform { get; set; } = "";
        public string ChannelId { get; set; } = "";
        public DateTimeOffset FireTime { get; set; }
        public string Status { get; set; } = "";

        public DigestRun ToRun() => new(Id, Platform, ChannelId, FireTime, Enum.Parse<DigestRunStatus>(Status));
    }

    private sealed class PartRow
    {
        public int Part { get; set; }
        public string Payload { get; set; } = "";
        public string? MessageId { get; set; }
    }

    private sealed class FinishedRunRow
    {
        public string Platform { get; set; } = "";
        public string ChannelId { get; set; } = "";
        public string StoryIds { get; set; } = "";
        public DateTimeOffset? ComposedAt { get; set; }
    }
}
