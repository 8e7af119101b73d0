using System.Text.Json;
using BriefingBot.Storage.Sql;
using BriefingBot.Web;

namespace BriefingBot.Storage;

/// <summary>The web view's tables: one SQL text for SQLite and PostgreSQL.</summary>
public sealed class WebStore(ISqlDatabase database) : IWebStore
{
    private const string SessionColumns = "platform, workspace_id, user_id, user_name, created_at, expires_at";
    private const string UserMatch = "platform = @Platform AND workspace_id = @WorkspaceId AND user_id = @UserId";

    public Task<byte[]> GetOrAddKeyAsync(string name, byte[] candidate, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            await transaction.ExecuteAsync("INSERT INTO web_keys (name, value) VALUES (@name, @candidate) ON CONFLICT (name) DO NOTHING",
                new { name, candidate }, cancellationToken);
            return await transaction.QuerySingleAsync<byte[]>("SELECT value FROM web_keys WHERE name = @name", new { name }, cancellationToken);
        }, cancellationToken);

    public Task CreateSessionAsync(string idHash, WebSession session, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            await transaction.ExecuteAsync("DELETE FROM web_sessions WHERE expires_at <= @CreatedAt", new { session.CreatedAt }, cancellationToken);
            return await transaction.ExecuteAsync(
                $"INSERT INTO web_sessions (id_hash, {SessionColumns}) VALUES (@idHash, @Platform, @WorkspaceId, @UserId, @UserName, @CreatedAt, @ExpiresAt)",
                new { idHash, session.Platform, session.WorkspaceId, session.UserId, session.UserName, session.CreatedAt, session.ExpiresAt },
                cancellationToken);
        }, cancellationToken);

    public async Task<WebSession?> GetSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await database.QueryFirstOrDefaultAsync<SessionRow>(
            $"SELECT {SessionColumns} FROM web_sessions WHERE id_hash = @idHash AND expires_at > @now", new { idHash, now }, cancellationToken))?.ToSession();

    public Task<int> RevokeAsync(WebUser user, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.TransactAsync(async (_, transaction) =>
        {
            await transaction.ExecuteAsync("""
                INSERT INTO web_revocations (platform, workspace_id, user_id, revoked_at) VALUES (@Platform, @WorkspaceId, @UserId, @at)
                ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET revoked_at = excluded.revoked_at
                """, new { user.Platform, user.WorkspaceId, user.UserId, at }, cancellationToken);
            return await transaction.ExecuteAsync($"DELETE FROM web_sessions WHERE {UserMatch}", user, cancellationToken);
        }, cancellationToken);

    public Task<DateTimeOffset?> GetRevokedAtAsync(WebUser user, CancellationToken cancellationToken) =>
        database.QueryFirstOrDefaultAsync<DateTimeOffset?>($"SELECT revoked_at FROM web_revocations WHERE {UserMatch}", user, cancellationToken);

    public Task RecordChannelAsync(string platform, string channelId, string workspaceId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            INSERT INTO web_channels (platform, channel_id, workspace_id, seen_at) VALUES (@platform, @channelId, @workspaceId, @at)
            ON CONFLICT (platform, channel_id, workspace_id) DO UPDATE SET seen_at = excluded.seen_at
            """, new { platform, channelId, workspaceId, at }, cancellationToken);

    public Task<IReadOnlyList<string>> ListChannelsAsync(string platform, string workspaceId, CancellationToken cancellationToken) =>
        database.QueryAsync<string>(
            "SELECT channel_id FROM web_channels WHERE platform = @platform AND workspace_id = @workspaceId ORDER BY seen_at DESC, channel_id",
            new { platform, workspaceId }, cancellationToken);

    public async Task<bool> IsChannelInWorkspaceAsync(string platform, string channelId, string workspaceId, CancellationToken cancellationToken) =>
        await database.QueryFirstOrDefaultAsync<long>(
            "SELECT count(*) FROM web_channels WHERE platform = @platform AND channel_id = @channelId AND workspace_id = @workspaceId",
            new { platform, channelId, workspaceId }, cancellationToken) > 0;

    public Task SetSharingAsync(WebUser user, bool share, CancellationToken cancellationToken) =>
        database.ExecuteAsync(share
            ? """
              INSERT INTO web_sharing (platform, workspace_id, user_id) VALUES (@Platform, @WorkspaceId, @UserId)
              ON CONFLICT (platform, workspace_id, user_id) DO NOTHING
              """
            : $"DELETE FROM web_sharing WHERE {UserMatch}", user, cancellationToken);

    public async Task<IReadOnlySet<string>> ListSharingAsync(string platform, string workspaceId, CancellationToken cancellationToken) =>
        (await database.QueryAsync<string>(
            "SELECT user_id FROM web_sharing WHERE platform = @platform AND workspace_id = @workspaceId", new { platform, workspaceId }, cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ArchivedDigest>> ListDigestsAsync(string platform, string channelId, int limit, int offset, CancellationToken cancellationToken)
    {
        var runs = await database.QueryAsync<ArchivedRunRow>("""
            SELECT id, fire_time, finished_at, story_ids FROM digest_runs
            WHERE platform = @platform AND channel_id = @channelId AND status = 'Sent'
            ORDER BY fire_time DESC, id DESC LIMIT @limit OFFSET @offset
            """, new { platform, channelId, limit, offset }, cancellationToken);
        var digests = new List<ArchivedDigest>(runs.Count);
        foreach (var run in runs)
        {
            var payloads = await database.QueryAsync<string>("SELECT payload FROM digest_run_parts WHERE run_id = @Id ORDER BY part", new { run.Id }, cancellationToken);
            var stories = run.StoryIds is null ? [] : JsonSerializer.Deserialize(run.StoryIds, SqlJson.Default.Int64Array) ?? [];
            digests.Add(new ArchivedDigest(run.Id, run.FireTime, run.FinishedAt, payloads, stories));
        }

        return digests;
    }

    public async Task<int> CountDigestsAsync(string platform, string channelId, CancellationToken cancellationToken) =>
        (int)await database.QueryFirstOrDefaultAsync<long>(
            "SELECT count(*) FROM digest_runs WHERE platform = @platform AND channel_id = @channelId AND status = 'Sent'",
            new { platform, channelId }, cancellationToken);

    public async Task<IReadOnlyList<long>> ListPollIdsAsync(string platform, IReadOnlyCollection<string> channelIds, int limit, CancellationToken cancellationToken) =>
        channelIds.Count == 0
            ? []
            : await database.QueryAsync<long>(
                $"SELECT id FROM polls WHERE platform = @platform AND channel_id {database.Dialect.InList("@channels")} ORDER BY id DESC LIMIT @limit",
                new { platform, channels = database.Dialect.Texts(channelIds), limit }, cancellationToken);

    private sealed class SessionRow
    {
        public string Platform { get; set; } = "";
        public string WorkspaceId { get; set; } = "";
        public string UserId { get; set; } = "";
        public string UserName { get; set; } = "";
        public DateTimeOffset CreatedAt { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }

        public WebSession ToSession() => new(Platform, WorkspaceId, UserId, UserName, CreatedAt, ExpiresAt);
    }

    private sealed class ArchivedRunRow
    {
        public long Id { get; set; }
        public DateTimeOffset FireTime { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }
        public string? StoryIds { get; set; }
    }
}
