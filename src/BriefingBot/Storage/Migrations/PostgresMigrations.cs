namespace BriefingBot.Storage.Migrations;

/// <summary>The PostgreSQL schema, in order.</summary>
internal static class PostgresMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "stories and articles", """
            CREATE TABLE stories (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                title text NOT NULL,
                created_at timestamptz NOT NULL
            );

            CREATE TABLE articles (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                story_id bigint NOT NULL REFERENCES stories(id),
                url text NOT NULL,
                canonical_url text NOT NULL UNIQUE,
                title text NOT NULL,
                source text NOT NULL,
                author text,
                published_at timestamptz,
                fetched_at timestamptz NOT NULL,
                language text NOT NULL,
                text text NOT NULL,
                content_hash text NOT NULL UNIQUE,
                minhash bytea NOT NULL
            );

            -- MinHash LSH band keys: articles that share a key are near-duplicate candidates.
            CREATE TABLE article_bands (
                band_key bigint NOT NULL,
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                PRIMARY KEY (band_key, article_id)
            );

            CREATE INDEX ix_articles_story ON articles(story_id, id);
            CREATE INDEX ix_articles_recent ON articles((coalesce(published_at, fetched_at)) DESC, id DESC);
            """),
        new(2, "full-text search", """
            -- Title (weight A) ranks above body (weight B); the body is capped well below the tsvector size limit.
            ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', title), 'A') ||
                setweight(to_tsvector('english', left(text, 400000)), 'B')
            ) STORED;

            CREATE INDEX ix_articles_search ON articles USING gin(search);
            """),
        new(3, "metadata", """
            CREATE TABLE meta (
                key text PRIMARY KEY,
                value text NOT NULL
            );
            """),
        new(4, "article analysis", """
            -- One row per analysed article; its mentions and developments replace any earlier analysis.
            CREATE TABLE article_analysis (
                article_id bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                analyzed_at timestamptz NOT NULL
            );

            CREATE TABLE mentions (
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position integer NOT NULL,
                start integer NOT NULL,
                length integer NOT NULL,
                surface text NOT NULL,
                actor_id text,
                actor_name text,
                kind text NOT NULL,
                confidence double precision NOT NULL,
                via text NOT NULL,
                PRIMARY KEY (article_id, position)
            );

            CREATE INDEX ix_mentions_actor ON mentions(actor_id, article_id);

            -- actors, cues and attribution are JSON arrays (text, as in SQLite).
            CREATE TABLE developments (
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position integer NOT NULL,
                start integer NOT NULL,
                "end" integer NOT NULL,
                claim text NOT NULL,
                actors text NOT NULL,
                cues text NOT NULL,
                strength double precision NOT NULL,
                attribution text NOT NULL,
                window_from date,
                window_to date,
                question text NOT NULL,
                resolve_by date NOT NULL,
                PRIMARY KEY (article_id, position)
            );
            """),
        DigestMigrations.Postgres,
        QuartzMigrations.Postgres,
    ];
}
