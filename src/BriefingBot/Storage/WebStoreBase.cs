using System.Data.Common;
using System.Text.Json;
using BriefingBot.Web;

namespace BriefingBot.Storage;

/// <summary>
/// The web view's SQL, shared by SQLite and PostgreSQL: the providers differ only in how they open connections, run a
/// write transaction and store times (SQLite: UTC microseconds, PostgreSQL: timestamptz).
/// </summary>
public abstract class WebStoreBase : IWebStore
{
    private const string SessionColumns = "platform, workspace_id, user_id, user_name, created_at, expires_at";

    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one write transaction.</summary>
    protected abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken);

    protected abstract object Time(DateTimeOffset value);

    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public Task<byte[]> GetOrAddKeyAsync(string name, byte[] candidate, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            Execute(connection, transaction, "INSERT INTO web_keys (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING",
                ("@name", name), ("@value", candidate));
            using var select = Command(connection, transaction, "SELECT value FROM web_keys WHERE name = @name", ("@name", name));
            return (byte[])select.ExecuteScalar()!;
        }, cancellationToken);

    public Task CreateSessionAsync(string idHash, WebSession session, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            Execute(connection, transaction, "DELETE FROM web_sessions WHERE expires_at <= @now", ("@now", Time(session.CreatedAt)));
            return Execute(connection, transaction,
                $"INSERT INTO web_sessions (id_hash, {SessionColumns}) VALUES (@id, @platform, @workspace, @user, @name, @created, @expires)",
                ("@id", idHash), ("@platform", session.Platform), ("@workspace", session.WorkspaceId), ("@user", session.UserId),
                ("@name", session.UserName), ("@created", Time(session.CreatedAt)), ("@expires", Time(session.ExpiresAt)));
        }, cancellationToken);

    public async Task<WebSession?> GetSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {SessionColumns} FROM web_sessions WHERE id_hash = @id AND expires_at > @now",
            ("@id", idHash), ("@now", Time(now)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new WebSession(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), ReadTime(reader, 4), ReadTime(reader, 5))
            : null;
    }

    public Task<int> RevokeAsync(WebUser user, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) =>
        {
            Execute(connection, transaction, """
                INSERT INTO web_revocations (platform, workspace_id, user_id, revoked_at) VALUES (@platform, @workspace, @user, @at)
                ON CONFLICT (platform, workspace_id, user_id) DO UPDATE SET revoked_at = excluded.revoked_at
                """, UserValues(user, ("@at", Time(at))));
            return Execute(connection, transaction,
                "DELETE FROM web_sessions WHERE platform = @platform AND workspace_id = @workspace AND user_id = @user", UserValues(user));
        }, cancellationToken);

    public async Task<DateTimeOffset?> GetRevokedAtAsync(WebUser user, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT revoked_at FROM web_revocations WHERE platform = @platform AND workspace_id = @workspace AND user_id = @user", UserValues(user));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadTime(reader, 0) : null;
    }

    public Task RecordChannelAsync(string platform, string channelId, string workspaceId, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) => Execute(connection, transaction, """
            INSERT INTO web_channels (platform, channel_id, workspace_id, seen_at) VALUES (@platform, @channel, @workspace, @at)
            ON CONFLICT (platform, channel_id, workspace_id) DO UPDATE SET seen_at = excluded.seen_at
            """, ("@platform", platform), ("@channel", channelId), ("@workspace", workspaceId), ("@at", Time(at))), cancellationToken);

    public async Task<IReadOnlyList<string>> ListChannelsAsync(string platform, string workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT channel_id FROM web_channels WHERE platform = @platform AND workspace_id = @workspace ORDER BY seen_at DESC, channel_id",
            ("@platform", platform), ("@workspace", workspaceId));
        return await StringsAsync(command, cancellationToken);
    }

    public async Task<bool> IsChannelInWorkspaceAsync(string platform, string channelId, string workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT 1 FROM web_channels WHERE platform = @platform AND channel_id = @channel AND workspace_id = @workspace",
            ("@platform", platform), ("@channel", channelId), ("@workspace", workspaceId));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public Task SetSharingAsync(WebUser user, bool share, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) => share
            ? Execute(connection, transaction, """
                INSERT INTO web_sharing (platform, workspace_id, user_id) VALUES (@platform, @workspace, @user)
                ON CONFLICT (platform, workspace_id, user_id) DO NOTHING
                """, UserValues(user))
            : Execute(connection, transaction,
                "DELETE FROM web_sharing WHERE platform = @platform AND workspace_id = @workspace AND user_id = @user", UserValues(user)), cancellationToken);

    public async Task<IReadOnlySet<string>> ListSharingAsync(string platform, string workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT user_id FROM web_sharing WHERE platform = @platform AND workspace_id = @workspace",
            ("@platform", platform), ("@workspace", workspaceId));
        return (await StringsAsync(command, cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<ArchivedDigest>> ListDigestsAsync(string platform, string channelId, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var runs = new List<(long Id, DateTimeOffset Fire, DateTimeOffset? Sent, long[] Stories)>();
        await using (var command = Command(connection, null, """
            SELECT id, fire_time, finished_at, story_ids FROM digest_runs
            WHERE platform = @platform AND channel_id = @channel AND status = 'Sent'
            ORDER BY fire_time DESC, id DESC LIMIT @limit OFFSET @offset
            """, ("@platform", platform), ("@channel", channelId), ("@limit", limit), ("@offset", offset)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var stories = reader.IsDBNull(3) ? [] : JsonSerializer.Deserialize(reader.GetString(3), WebStoreJson.Default.Int64Array) ?? [];
                runs.Add((reader.GetInt64(0), ReadTime(reader, 1), reader.IsDBNull(2) ? null : ReadTime(reader, 2), stories));
            }
        }

        var parts = runs.ToDictionary(r => r.Id, _ => new List<string>());
        foreach (var run in runs)
        {
            await using var command = Command(connection, null, "SELECT payload FROM digest_run_parts WHERE run_id = @run ORDER BY part", ("@run", run.Id));
            parts[run.Id].AddRange(await StringsAsync(command, cancellationToken));
        }

        return [.. runs.Select(r => new ArchivedDigest(r.Id, r.Fire, r.Sent, parts[r.Id], r.Stories))];
    }

    public async Task<int> CountDigestsAsync(string platform, string channelId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT count(*) FROM digest_runs WHERE platform = @platform AND channel_id = @channel AND status = 'Sent'",
            ("@platform", platform), ("@channel", channelId));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<long>> ListPollIdsAsync(string platform, IReadOnlyCollection<string> channelIds, int limit, CancellationToken cancellationToken)
    {
        if (channelIds.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        var names = channelIds.Select((_, i) => "@c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var values = channelIds.Select((c, i) => (names[i], (object?)c)).Append(("@platform", platform)).Append(("@limit", limit)).ToArray();
        await using var command = Command(connection, null,
            $"SELECT id FROM polls WHERE platform = @platform AND channel_id IN ({string.Join(", ", names)}) ORDER BY id DESC LIMIT @limit", values);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static (string, object?)[] UserValues(WebUser user, params (string, object?)[] more) =>
        [("@platform", user.Platform), ("@workspace", user.WorkspaceId), ("@user", user.UserId), .. more];

    private static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] values)
    {
        using var command = Command(connection, transaction, sql, values);
        return command.ExecuteNonQuery();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<List<string>> StringsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(long[]))]
internal sealed partial class WebStoreJson : System.Text.Json.Serialization.JsonSerializerContext;
