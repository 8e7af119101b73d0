namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 18: the web view. Sessions (the cookie's SHA-256, never the cookie), per-user revocations (links issued
/// before are refused too), a generated signing key when none comes from the environment, which channel is in which
/// workspace (recorded as commands are used), and who lets the workspace see their Brier scores.
/// </summary>
internal static class WebMigrations
{
    public static Migration Sqlite { get; } = new(18, "web view", """
        CREATE TABLE web_keys (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE web_sessions (
            id_hash TEXT PRIMARY KEY,
            platform TEXT NOT NULL,
            workspace_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            user_name TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE INDEX ix_web_sessions_user ON web_sessions(platform, workspace_id, user_id);

        CREATE TABLE web_revocations (
            platform TEXT NOT NULL,
            workspace_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            revoked_at INTEGER NOT NULL,
            PRIMARY KEY (platform, workspace_id, user_id)
        ) WITHOUT ROWID;

        CREATE TABLE web_channels (
            platform TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            workspace_id TEXT NOT NULL,
            seen_at INTEGER NOT NULL,
            PRIMARY KEY (platform, channel_id, workspace_id)
        ) WITHOUT ROWID;

        CREATE INDEX ix_web_channels_workspace ON web_channels(platform, workspace_id, seen_at);

        CREATE TABLE web_sharing (
            platform TEXT NOT NULL,
            workspace_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            PRIMARY KEY (platform, workspace_id, user_id)
        ) WITHOUT ROWID;
        """);

    public static Migration Postgres { get; } = new(18, "web view", """
        CREATE TABLE web_keys (
            name text PRIMARY KEY,
            value bytea NOT NULL
        );

        CREATE TABLE web_sessions (
            id_hash text PRIMARY KEY,
            platform text NOT NULL,
            workspace_id text NOT NULL,
            user_id text NOT NULL,
            user_name text NOT NULL,
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL
        );

        CREATE INDEX ix_web_sessions_user ON web_sessions(platform, workspace_id, user_id);

        CREATE TABLE web_revocations (
            platform text NOT NULL,
            workspace_id text NOT NULL,
            user_id text NOT NULL,
            revoked_at timestamptz NOT NULL,
            PRIMARY KEY (platform, workspace_id, user_id)
        );

        CREATE TABLE web_channels (
            platform text NOT NULL,
            channel_id text NOT NULL,
            workspace_id text NOT NULL,
            seen_at timestamptz NOT NULL,
            PRIMARY KEY (platform, channel_id, workspace_id)
        );

        CREATE INDEX ix_web_channels_workspace ON web_channels(platform, workspace_id, seen_at);

        CREATE TABLE web_sharing (
            platform text NOT NULL,
            workspace_id text NOT NULL,
            user_id text NOT NULL,
            PRIMARY KEY (platform, workspace_id, user_id)
        );
        """);
}
