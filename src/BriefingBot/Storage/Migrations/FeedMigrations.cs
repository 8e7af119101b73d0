namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 12: feed subscriptions. <c>tenant</c> is '' for operator feeds (shared by every workspace), else the
/// workspace that added it; one feed per (tenant, canonical URL). Migration 13: which workspaces an article added from
/// chat belongs to; an article without rows there is shared (operator files and feeds).
/// </summary>
internal static class FeedMigrations
{
    public static Migration SqliteFeeds { get; } = new(12, "feeds", """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            tenant TEXT NOT NULL,
            url TEXT NOT NULL,
            canonical_url TEXT NOT NULL,
            title TEXT,
            interval_seconds INTEGER NOT NULL,
            origin TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            next_due_at INTEGER NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_fetch_at INTEGER,
            last_success_at INTEGER,
            items_stored INTEGER NOT NULL,
            state TEXT NOT NULL,
            state_reason TEXT,
            state_since INTEGER NOT NULL,
            consecutive_failures INTEGER NOT NULL,
            failing_since INTEGER,
            last_error TEXT,
            added_platform TEXT,
            added_channel TEXT,
            added_by TEXT,
            UNIQUE (tenant, canonical_url)
        );

        CREATE INDEX ix_feeds_due ON feeds(state, next_due_at);
        """);

    public static Migration SqliteOwners { get; } = new(13, "article owners", """
        CREATE TABLE article_owners (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tenant TEXT NOT NULL,
            PRIMARY KEY (article_id, tenant)
        ) WITHOUT ROWID;
        """);

    public static Migration PostgresFeeds { get; } = new(12, "feeds", """
        CREATE TABLE feeds (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tenant text NOT NULL,
            url text NOT NULL,
            canonical_url text NOT NULL,
            title text,
            interval_seconds bigint NOT NULL,
            origin text NOT NULL,
            created_at timestamptz NOT NULL,
            next_due_at timestamptz NOT NULL,
            etag text,
            last_modified text,
            last_fetch_at timestamptz,
            last_success_at timestamptz,
            items_stored integer NOT NULL,
            state text NOT NULL,
            state_reason text,
            state_since timestamptz NOT NULL,
            consecutive_failures integer NOT NULL,
            failing_since timestamptz,
            last_error text,
            added_platform text,
            added_channel text,
            added_by text,
            UNIQUE (tenant, canonical_url)
        );

        CREATE INDEX ix_feeds_due ON feeds(state, next_due_at);
        """);

    public static Migration PostgresOwners { get; } = new(13, "article owners", """
        CREATE TABLE article_owners (
            article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tenant text NOT NULL,
            PRIMARY KEY (article_id, tenant)
        );
        """);
}
