namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 16: follows (a user, or an admin for a role or group, watching an actor or a keyword), one queued alert per
/// (follow, story) for ever, and the alert batches. A batch's message is stored before it is posted and posted with the
/// batch's key, so a restart posts what is missing and never a second alert for the same stories. A worker holds a batch
/// by its lease: another worker (a replica) takes over an unfinished batch only when the lease has run out.
/// </summary>
internal static class FollowMigrations
{
    public static Migration Sqlite { get; } = new(16, "follows", """
        CREATE TABLE follows (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            workspace_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            user_name TEXT NOT NULL,
            target_kind TEXT NOT NULL CHECK (target_kind IN ('actor', 'keyword')),
            target_key TEXT NOT NULL,
            target_label TEXT NOT NULL,
            delivery TEXT NOT NULL CHECK (delivery IN ('dm', 'here', 'role', 'group')),
            channel_id TEXT NOT NULL,
            mention_id TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'disabled')),
            note TEXT,
            created_at INTEGER NOT NULL,
            last_alert_at INTEGER,
            UNIQUE (platform, workspace_id, user_id, target_kind, target_key, delivery, channel_id, mention_id)
        );

        CREATE INDEX ix_follows_user ON follows(platform, workspace_id, user_id);

        CREATE TABLE follow_batches (
            id INTEGER PRIMARY KEY,
            follow_id INTEGER NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            payload TEXT,
            created_at INTEGER NOT NULL,
            lease_until INTEGER NOT NULL,
            message_id TEXT,
            finished_at INTEGER,
            error TEXT
        );

        CREATE INDEX ix_follow_batches_open ON follow_batches(status, id);

        CREATE TABLE follow_alerts (
            follow_id INTEGER NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
            story_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            development_ids TEXT NOT NULL,
            queued_at INTEGER NOT NULL,
            batch_id INTEGER REFERENCES follow_batches(id) ON DELETE CASCADE,
            PRIMARY KEY (follow_id, story_id)
        ) WITHOUT ROWID;

        CREATE INDEX ix_follow_alerts_batch ON follow_alerts(batch_id, follow_id);
        """);

    public static Migration Postgres { get; } = new(16, "follows", """
        CREATE TABLE follows (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            platform text NOT NULL,
            workspace_id text NOT NULL,
            user_id text NOT NULL,
            user_name text NOT NULL,
            target_kind text NOT NULL CHECK (target_kind IN ('actor', 'keyword')),
            target_key text NOT NULL,
            target_label text NOT NULL,
            delivery text NOT NULL CHECK (delivery IN ('dm', 'here', 'role', 'group')),
            channel_id text NOT NULL,
            mention_id text NOT NULL,
            state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'disabled')),
            note text,
            created_at timestamptz NOT NULL,
            last_alert_at timestamptz,
            UNIQUE (platform, workspace_id, user_id, target_kind, target_key, delivery, channel_id, mention_id)
        );

        CREATE INDEX ix_follows_user ON follows(platform, workspace_id, user_id);

        CREATE TABLE follow_batches (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            follow_id bigint NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
            status text NOT NULL,
            payload text,
            created_at timestamptz NOT NULL,
            lease_until timestamptz NOT NULL,
            message_id text,
            finished_at timestamptz,
            error text
        );

        CREATE INDEX ix_follow_batches_open ON follow_batches(status, id);

        CREATE TABLE follow_alerts (
            follow_id bigint NOT NULL REFERENCES follows(id) ON DELETE CASCADE,
            story_id bigint NOT NULL,
            article_id bigint NOT NULL,
            development_ids text NOT NULL,
            queued_at timestamptz NOT NULL,
            batch_id bigint REFERENCES follow_batches(id) ON DELETE CASCADE,
            PRIMARY KEY (follow_id, story_id)
        );

        CREATE INDEX ix_follow_alerts_batch ON follow_alerts(batch_id, follow_id);
        """);
}
