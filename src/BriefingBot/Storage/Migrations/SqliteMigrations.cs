namespace BriefingBot.Storage.Migrations;

/// <summary>The SQLite schema, in order. Times are UTC microseconds since the Unix epoch.</summary>
internal static class SqliteMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "stories and articles", """
            CREATE TABLE stories (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL,
                created_at INTEGER NOT NULL
            );

            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                story_id INTEGER NOT NULL REFERENCES stories(id),
                url TEXT NOT NULL,
                canonical_url TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                source TEXT NOT NULL,
                author TEXT,
                published_at INTEGER,
                fetched_at INTEGER NOT NULL,
                language TEXT NOT NULL,
                text TEXT NOT NULL,
                content_hash TEXT NOT NULL UNIQUE,
                minhash BLOB NOT NULL
            );

            -- MinHash LSH band keys: articles that share a key are near-duplicate candidates.
            CREATE TABLE article_bands (
                band_key INTEGER NOT NULL,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                PRIMARY KEY (band_key, article_id)
            ) WITHOUT ROWID;

            CREATE INDEX ix_articles_story ON articles(story_id, id);
            CREATE INDEX ix_articles_recent ON articles(coalesce(published_at, fetched_at), id);
            """),
        new(2, "full-text search", """
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text,
                content = 'articles', content_rowid = 'id',
                tokenize = 'porter unicode61 remove_diacritics 2'
            );

            -- A title match counts ten times a body match.
            INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');
            INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

            CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;

            CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            END;

            CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;
            """),
        new(3, "metadata", """
            CREATE TABLE meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        new(4, "article analysis", """
            -- One row per analysed article; its mentions and developments replace any earlier analysis.
            CREATE TABLE article_analysis (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                analyzed_at INTEGER NOT NULL
            );

            CREATE TABLE mentions (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                start INTEGER NOT NULL,
                length INTEGER NOT NULL,
                surface TEXT NOT NULL,
                actor_id TEXT,
                actor_name TEXT,
                kind TEXT NOT NULL,
                confidence REAL NOT NULL,
                via TEXT NOT NULL,
                PRIMARY KEY (article_id, position)
            ) WITHOUT ROWID;

            CREATE INDEX ix_mentions_actor ON mentions(actor_id, article_id);

            -- actors, cues and attribution are JSON arrays; dates are ISO yyyy-MM-dd.
            CREATE TABLE developments (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                claim TEXT NOT NULL,
                actors TEXT NOT NULL,
                cues TEXT NOT NULL,
                strength REAL NOT NULL,
                attribution TEXT NOT NULL,
                window_from TEXT,
                window_to TEXT,
                question TEXT NOT NULL,
                resolve_by TEXT NOT NULL,
                PRIMARY KEY (article_id, position)
            ) WITHOUT ROWID;
            """),
        new(5, "development groups", """
            -- One row per development as merged across articles; the first report stands for it (copied here, so
            -- the group survives the re-analysis of that article). Polls, digests and actor cards use its id.
            CREATE TABLE development_groups (
                id INTEGER PRIMARY KEY,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                claim TEXT NOT NULL,
                actors TEXT NOT NULL,
                cues TEXT NOT NULL,
                strength REAL NOT NULL,
                attribution TEXT NOT NULL,
                window_from TEXT,
                window_to TEXT,
                question TEXT NOT NULL,
                resolve_by TEXT NOT NULL,
                first_reported_at INTEGER NOT NULL,
                last_reported_at INTEGER NOT NULL
            );

            CREATE TABLE development_group_actors (
                actor_id TEXT NOT NULL,
                development_id INTEGER NOT NULL REFERENCES development_groups(id) ON DELETE CASCADE,
                PRIMARY KEY (actor_id, development_id)
            ) WITHOUT ROWID;

            ALTER TABLE developments ADD COLUMN development_id INTEGER REFERENCES development_groups(id);
            CREATE INDEX ix_developments_group ON developments(development_id, article_id);
            CREATE INDEX ix_development_groups_recent ON development_groups(last_reported_at);
            CREATE INDEX ix_development_groups_open ON development_groups(resolve_by);
            """),
        new(6, "hedges and actor candidates", """
            -- The hedged sentences of an analysed article; cues is a JSON array.
            CREATE TABLE hedges (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                start INTEGER NOT NULL,
                length INTEGER NOT NULL,
                cues TEXT NOT NULL,
                strength REAL NOT NULL,
                PRIMARY KEY (article_id, position)
            ) WITHOUT ROWID;

            -- Names the catalogue lacks, counted per article (replaced with its analysis); reads sum them over articles.
            CREATE TABLE actor_candidates (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                name_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                mentions INTEGER NOT NULL,
                PRIMARY KEY (article_id, name_key, kind)
            ) WITHOUT ROWID;

            CREATE INDEX ix_actor_candidates_name ON actor_candidates(name_key);
            """),
        new(7, "actor aliases and mention aggregates", SqliteActorMigration.Sql),
        new(8, "polls", """
            CREATE TABLE polls (
                id INTEGER PRIMARY KEY,
                platform TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                creator_id TEXT NOT NULL,
                creator_name TEXT NOT NULL,
                question TEXT NOT NULL,
                development_id INTEGER,
                actor_ids TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                closes_at INTEGER NOT NULL,
                resolve_by TEXT NOT NULL,
                message_id TEXT,
                thread_channel_id TEXT,
                thread_message_id TEXT,
                closed_at INTEGER,
                outcome TEXT CHECK (outcome IN ('yes', 'no', 'ambiguous')),
                resolved_at INTEGER,
                reminded_at INTEGER
            );

            CREATE INDEX ix_polls_unclosed ON polls(closes_at) WHERE closed_at IS NULL;
            CREATE INDEX ix_polls_channel ON polls(platform, channel_id);

            -- One vote per (poll, user): a second vote replaces the first (upsert), so concurrent clicks count once.
            CREATE TABLE poll_votes (
                poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
                user_id TEXT NOT NULL,
                user_name TEXT NOT NULL,
                probability REAL NOT NULL CHECK (probability BETWEEN 0 AND 100),
                band TEXT NOT NULL,
                voted_at INTEGER NOT NULL,
                PRIMARY KEY (poll_id, user_id)
            ) WITHOUT ROWID;

            -- Articles already noted in a poll's thread ("new reporting"), at most once each.
            CREATE TABLE poll_reports (
                poll_id INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
                article_id INTEGER NOT NULL,
                noted_at INTEGER NOT NULL,
                PRIMARY KEY (poll_id, article_id)
            ) WITHOUT ROWID;
            """),
        DigestMigrations.Sqlite,
        QuartzMigrations.Sqlite,
        new(11, "article stored time", """
            -- When the article was stored (not fetched): digests take what was stored after their last run.
            ALTER TABLE articles ADD COLUMN stored_at INTEGER;
            UPDATE articles SET stored_at = fetched_at;
            CREATE INDEX ix_articles_stored ON articles(stored_at, id);
            """),
        FeedMigrations.SqliteFeeds,
        FeedMigrations.SqliteOwners,
        CardVersionMigrations.Sqlite,
        WebMigrations.Sqlite,
        FollowMigrations.Sqlite,
        StoryMigrations.Sqlite,
        SqliteActorTenancyMigration.Migration,
    ];
}
