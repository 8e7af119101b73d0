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
        DigestMigrations.Sqlite,
        QuartzMigrations.Sqlite,
    ];
}
