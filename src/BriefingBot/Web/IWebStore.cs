namespace BriefingBot.Web;

/// <summary>A person in one workspace of one platform.</summary>
public sealed record WebUser(string Platform, string WorkspaceId, string UserId);

/// <summary>An open browser session: whose it is and until when. The cookie holds a random id; the store only its SHA-256.</summary>
public sealed record WebSession(string Platform, string WorkspaceId, string UserId, string UserName, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public WebUser User => new(Platform, WorkspaceId, UserId);
}

/// <summary>A digest run as sent to a channel: its parts (serialized chat replies) and the stories it covered, in order.</summary>
public sealed record ArchivedDigest(long RunId, DateTimeOffset FireTime, DateTimeOffset? SentAt, IReadOnlyList<string> Payloads, IReadOnlyList<long> StoryIds);

/// <summary>
/// What the web view keeps (sessions, revocations, the generated signing key, which channel is in which workspace, who
/// shares their scores) and the reads it needs from digests and polls. SQLite and PostgreSQL pass one contract test suite.
/// </summary>
public interface IWebStore
{
    /// <summary>The stored key named <paramref name="name"/>; stores <paramref name="candidate"/> first when there is none (the first writer wins).</summary>
    Task<byte[]> GetOrAddKeyAsync(string name, byte[] candidate, CancellationToken cancellationToken);

    Task CreateSessionAsync(string idHash, WebSession session, CancellationToken cancellationToken);

    /// <summary>The session with this id hash when it has not expired at <paramref name="now"/>.</summary>
    Task<WebSession?> GetSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes every session of the user and records <paramref name="at"/>, so links issued before it no longer open one; returns the sessions ended.</summary>
    Task<int> RevokeAsync(WebUser user, DateTimeOffset at, CancellationToken cancellationToken);

    Task<DateTimeOffset?> GetRevokedAtAsync(WebUser user, CancellationToken cancellationToken);

    /// <summary>Records that the channel belongs to the workspace (a command was used there); idempotent.</summary>
    Task RecordChannelAsync(string platform, string channelId, string workspaceId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The workspace's known channels, most recently seen first.</summary>
    Task<IReadOnlyList<string>> ListChannelsAsync(string platform, string workspaceId, CancellationToken cancellationToken);

    Task<bool> IsChannelInWorkspaceAsync(string platform, string channelId, string workspaceId, CancellationToken cancellationToken);

    /// <summary>Whether the user lets the workspace see their own Brier scores on poll pages.</summary>
    Task SetSharingAsync(WebUser user, bool share, CancellationToken cancellationToken);

    /// <summary>User ids of the workspace that share their scores.</summary>
    Task<IReadOnlySet<string>> ListSharingAsync(string platform, string workspaceId, CancellationToken cancellationToken);

    /// <summary>The channel's sent digests, newest first.</summary>
    Task<IReadOnlyList<ArchivedDigest>> ListDigestsAsync(string platform, string channelId, int limit, int offset, CancellationToken cancellationToken);

    Task<int> CountDigestsAsync(string platform, string channelId, CancellationToken cancellationToken);

    /// <summary>Ids of the polls in these channels, newest first.</summary>
    Task<IReadOnlyList<long>> ListPollIdsAsync(string platform, IReadOnlyCollection<string> channelIds, int limit, CancellationToken cancellationToken);
}
