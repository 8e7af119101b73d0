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
        new(5, "development groups", """
            -- One row per development as merged across articles; the first report stands for it (copied here, so
            -- the group survives the re-analysis of that article). Polls, digests and actor cards use its id.
            CREATE TABLE development_groups (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
                first_reported_at timestamptz NOT NULL,
                last_reported_at timestamptz NOT NULL
            );

            CREATE TABLE development_group_actors (
                actor_id text NOT NULL,
                development_id bigint NOT NULL REFERENCES development_groups(id) ON DELETE CASCADE,
                PRIMARY KEY (actor_id, development_id)
            );

            ALTER TABLE developments ADD COLUMN development_id bigint REFERENCES development_groups(id);
            CREATE INDEX ix_developments_group ON developments(development_id, article_id);
            CREATE INDEX ix_development_groups_recent ON development_groups(last_reported_at);
            CREATE INDEX ix_development_groups_open ON development_groups(resolve_by);
            """),
        new(6, "hedges and actor candidates", """
            -- The hedged sentences of an analysed article; cues is a JSON array (text, as in SQLite).
            CREATE TABLE hedges (
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                position integer NOT NULL,
                start integer NOT NULL,
                length integer NOT NULL,
                cues text NOT NULL,
                strength double precision NOT NULL,
                PRIMARY KEY (article_id, position)
            );

            -- Names the catalogue lacks, counted per article (replaced with its analysis); reads sum them over articles.
            CREATE TABLE actor_candidates (
                article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                name_key text NOT NULL,
                kind text NOT NULL,
                name text NOT NULL,
                mentions integer NOT NULL,
                PRIMARY KEY (article_id, name_key, kind)
            );

            CREATE INDEX ix_actor_candidates_name ON actor_candidates(name_key);
            """),
        new(7, "actor aliases and mention aggregates", PostgresActorMigration.Sql),
        new(8, "polls", """
            CREATE TABLE polls (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                platform text NOT NULL,
                channel_id text NOT NULL,
                creator_id text NOT NULL,
                creator_name text NOT NULL,
                question text NOT NULL,
                development_id bigint,
                actor_ids text NOT NULL,
                created_at timestamptz NOT NULL,
                closes_at timestamptz NOT NULL,
                resolve_by date NOT NULL,
                message_id text,
                thread_channel_id text,
                thread_message_id text,
                closed_at timestamptz,
                outcome text CHECK (outcome IN ('yes', 'no', 'ambiguous')),
                resolved_at timestamptz,
                reminded_at timestamptz
            );

            CREATE INDEX ix_polls_unclosed ON polls(closes_at) WHERE closed_at IS NULL;
            CREATE INDEX ix_polls_channel ON polls(platform, channel_id);

            -- One vote per (poll, user): a second vote replaces the first (upsert), so concurrent clicks count once.
            CREATE TABLE poll_votes (
                poll_id bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
                user_id text NOT NULL,
                user_name text NOT NULL,
                probability double precision NOT NULL CHECK (probability BETWEEN 0 AND 100),
                band text NOT NULL,
                voted_at timestamptz NOT NULL,
                PRIMARY KEY (poll_id, user_id)
            );

            -- Articles already noted in a poll's thread ("new reporting"), at most once each.
            CREATE TABLE poll_reports (
                poll_id bigint NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
                article_id bigint NOT NULL,
                noted_at timestamptz NOT NULL,
                PRIMARY KEY (poll_id, article_id)
            );
            """),
        DigestMigrations.Postgres,
        QuartzMigrations.Postgres,
        new(11, "article stored time", """
            -- When the article was stored (not fetched): digests take what was stored after their last run.
            ALTER TABLE articles ADD COLUMN stored_at timestamptz;
            UPDATE articles SET stored_at = fetched_at;
            CREATE INDEX ix_articles_stored ON articles(stored_at, id);
            """),
        FeedMigrations.PostgresFeeds,
        FeedMigrations.PostgresOwners,
        CardVersionMigrations.Postgres,
        WebMigrations.Postgres,
        FollowMigrations.Postgres,
        StoryMigrations.Postgres,
        PostgresActorTenancyMigration.Migration,
    ];
}
