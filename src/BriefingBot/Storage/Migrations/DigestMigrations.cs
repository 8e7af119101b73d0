namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 9: digest subscriptions (one per channel), runs keyed by channel and scheduled fire time, the parts each
/// run posts, and per channel what was already sent. A run's parts are stored before the first is posted, so a
/// restart resumes the unsent ones and never posts a sent one again.
/// </summary>
internal static class DigestMigrations
{
    public static Migration Sqlite { get; } = new(9, "digests", """
        CREATE TABLE digest_subscriptions (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            schedule TEXT NOT NULL,
            cron TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            filter TEXT,
            max_items INTEGER NOT NULL,
            origin TEXT NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            disabled_reason TEXT,
            updated_at INTEGER NOT NULL,
            UNIQUE (platform, channel_id)
        );

        CREATE TABLE digest_runs (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            fire_time INTEGER NOT NULL,
            status TEXT NOT NULL,
            composed_at INTEGER,
            story_ids TEXT,
            finished_at INTEGER,
            error TEXT,
            UNIQUE (platform, channel_id, fire_time)
        );

        CREATE INDEX ix_digest_runs_open ON digest_runs(platform, channel_id, status);

        CREATE TABLE digest_run_parts (
            run_id INTEGER NOT NULL REFERENCES digest_runs(id) ON DELETE CASCADE,
            part INTEGER NOT NULL,
            payload TEXT NOT NULL,
            message_id TEXT,
            sent_at INTEGER,
            PRIMARY KEY (run_id, part)
        ) WITHOUT ROWID;

        CREATE TABLE digest_channels (
            platform TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            last_sent_at INTEGER NOT NULL,
            PRIMARY KEY (platform, channel_id)
        ) WITHOUT ROWID;

        CREATE TABLE digest_sent_stories (
            platform TEXT NOT NULL,
            channel_id TEXT NOT NULL,
            story_id INTEGER NOT NULL,
            sent_at INTEGER NOT NULL,
            PRIMARY KEY (platform, channel_id, story_id)
        ) WITHOUT ROWID;
        """);

    public static Migration Postgres { get; } = new(9, "digests", """
        CREATE TABLE digest_subscriptions (
            id bigserial PRIMARY KEY,
            platform text NOT NULL,
            channel_id text NOT NULL,
            schedule text NOT NULL,
            cron text NOT NULL,
            time_zone text NOT NULL,
            filter text,
            max_items integer NOT NULL,
            origin text NOT NULL,
            enabled boolean NOT NULL DEFAULT true,
            disabled_reason text,
            updated_at timestamptz NOT NULL,
            UNIQUE (platform, channel_id)
        );

        CREATE TABLE digest_runs (
            id bigserial PRIMARY KEY,
            platform text NOT NULL,
            channel_id text NOT NULL,
            fire_time timestamptz NOT NULL,
            status text NOT NULL,
            composed_at timestamptz,
            story_ids text,
            finished_at timestamptz,
            error text,
            UNIQUE (platform, channel_id, fire_time)
        );

        CREATE INDEX ix_digest_runs_open ON digest_runs(platform, channel_id, status);

        CREATE TABLE digest_run_parts (
            run_id bigint NOT NULL REFERENCES digest_runs(id) ON DELETE CASCADE,
            part integer NOT NULL,
            payload text NOT NULL,
            message_id text,
            sent_at timestamptz,
            PRIMARY KEY (run_id, part)
        );

        CREATE TABLE digest_channels (
            platform text NOT NULL,
            channel_id text NOT NULL,
            last_sent_at timestamptz NOT NULL,
            PRIMARY KEY (platform, channel_id)
        );

        CREATE TABLE digest_sent_stories (
            platform text NOT NULL,
            channel_id text NOT NULL,
            story_id bigint NOT NULL,
            sent_at timestamptz NOT NULL,
            PRIMARY KEY (platform, channel_id, story_id)
        );
        """);
}
