namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 7 for PostgreSQL: aliases taught in chat, and per-actor aggregates of the mentions table that a trigger
/// keeps current (per article, per day, and co-occurring pairs), so an actor card never scans the mentions.
/// Days are whole UTC days since the Unix epoch of the article's published time, else its fetched time.
/// </summary>
internal static class PostgresActorMigration
{
    public const string Sql = """
        -- Aliases taught in chat; alias_key is lower(alias).
        CREATE TABLE actor_aliases (
            alias_key text PRIMARY KEY,
            alias text NOT NULL,
            actor_id text NOT NULL,
            added_by text NOT NULL,
            added_at timestamptz NOT NULL
        );

        -- A mention a taught alias resolved, and what it was before, so removing the alias reverts it.
        CREATE TABLE taught_mentions (
            article_id bigint NOT NULL,
            position integer NOT NULL,
            alias_key text NOT NULL,
            prior_kind text NOT NULL,
            prior_confidence double precision NOT NULL,
            prior_via text NOT NULL,
            PRIMARY KEY (article_id, position),
            FOREIGN KEY (article_id, position) REFERENCES mentions(article_id, position) ON DELETE CASCADE
        );

        CREATE INDEX ix_taught_mentions_alias ON taught_mentions(alias_key);
        CREATE INDEX ix_mentions_surface ON mentions(lower(surface));

        CREATE TABLE actor_articles (
            actor_id text NOT NULL,
            article_id bigint NOT NULL,
            day integer NOT NULL,
            mentions integer NOT NULL,
            PRIMARY KEY (actor_id, article_id)
        );

        CREATE INDEX ix_actor_articles_article ON actor_articles(article_id, actor_id);
        CREATE INDEX ix_actor_articles_latest ON actor_articles(actor_id, day DESC, article_id DESC);

        CREATE TABLE actor_days (
            actor_id text NOT NULL,
            day integer NOT NULL,
            mentions integer NOT NULL,
            articles integer NOT NULL,
            PRIMARY KEY (actor_id, day)
        );

        CREATE INDEX ix_actor_days_day ON actor_days(day, actor_id) INCLUDE (mentions);

        -- Articles two actors share, both ways round (actor_id, other_id) and (other_id, actor_id).
        CREATE TABLE actor_pairs (
            actor_id text NOT NULL,
            other_id text NOT NULL,
            articles integer NOT NULL,
            PRIMARY KEY (actor_id, other_id)
        );

        CREATE FUNCTION article_day(published timestamptz, fetched timestamptz) RETURNS integer
            LANGUAGE sql IMMUTABLE AS $$ SELECT floor(extract(epoch FROM coalesce(published, fetched)) / 86400)::integer $$;

        INSERT INTO actor_articles (actor_id, article_id, day, mentions)
            SELECT m.actor_id, m.article_id, article_day(a.published_at, a.fetched_at), count(*)
            FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.actor_id IS NOT NULL GROUP BY m.actor_id, m.article_id, a.published_at, a.fetched_at;
        INSERT INTO actor_days (actor_id, day, mentions, articles)
            SELECT actor_id, day, sum(mentions), count(*) FROM actor_articles GROUP BY actor_id, day;
        INSERT INTO actor_pairs (actor_id, other_id, articles)
            SELECT x.actor_id, y.actor_id, count(*) FROM actor_articles x
            JOIN actor_articles y ON y.article_id = x.article_id AND y.actor_id <> x.actor_id
            GROUP BY x.actor_id, y.actor_id;

        CREATE FUNCTION actor_mention_added(actor text, article bigint) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            article_day_number integer;
        BEGIN
            UPDATE actor_articles SET mentions = mentions + 1 WHERE actor_id = actor AND article_id = article
                RETURNING day INTO article_day_number;
            IF FOUND THEN
                UPDATE actor_days SET mentions = mentions + 1 WHERE actor_id = actor AND day = article_day_number;
                RETURN;
            END IF;

            SELECT article_day(published_at, fetched_at) INTO article_day_number FROM articles WHERE id = article;
            INSERT INTO actor_pairs (actor_id, other_id, articles)
                SELECT actor, o.actor_id, 1 FROM actor_articles o WHERE o.article_id = article
                UNION ALL
                SELECT o.actor_id, actor, 1 FROM actor_articles o WHERE o.article_id = article
                ON CONFLICT (actor_id, other_id) DO UPDATE SET articles = actor_pairs.articles + 1;
            INSERT INTO actor_articles (actor_id, article_id, day, mentions) VALUES (actor, article, article_day_number, 1);
            INSERT INTO actor_days (actor_id, day, mentions, articles) VALUES (actor, article_day_number, 1, 1)
                ON CONFLICT (actor_id, day) DO UPDATE SET mentions = actor_days.mentions + 1, articles = actor_days.articles + 1;
        END $$;

        CREATE FUNCTION actor_mention_removed(actor text, article bigint) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            left_mentions integer;
            article_day_number integer;
        BEGIN
            UPDATE actor_articles SET mentions = mentions - 1 WHERE actor_id = actor AND article_id = article
                RETURNING mentions, day INTO left_mentions, article_day_number;
            IF NOT FOUND THEN
                RETURN;
            END IF;

            IF left_mentions = 0 THEN
                DELETE FROM actor_articles WHERE actor_id = actor AND article_id = article;
                UPDATE actor_pairs SET articles = articles - 1
                    WHERE actor_id = actor AND other_id IN (SELECT o.actor_id FROM actor_articles o WHERE o.article_id = article);
                UPDATE actor_pairs SET articles = articles - 1
                    WHERE other_id = actor AND actor_id IN (SELECT o.actor_id FROM actor_articles o WHERE o.article_id = article);
                DELETE FROM actor_pairs WHERE actor_id = actor AND articles <= 0;
                DELETE FROM actor_pairs
                    WHERE other_id = actor AND articles <= 0 AND actor_id IN (SELECT o.actor_id FROM actor_articles o WHERE o.article_id = article);
            END IF;

            UPDATE actor_days SET mentions = mentions - 1, articles = articles - (CASE WHEN left_mentions = 0 THEN 1 ELSE 0 END)
                WHERE actor_id = actor AND day = article_day_number;
            DELETE FROM actor_days WHERE actor_id = actor AND day = article_day_number AND mentions <= 0;
        END $$;

        CREATE FUNCTION mentions_aggregate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND OLD.actor_id IS NOT DISTINCT FROM NEW.actor_id AND OLD.article_id = NEW.article_id THEN
                RETURN NULL;
            END IF;

            -- Concurrent writers touch the same aggregate rows in different orders: one at a time, no deadlocks.
            PERFORM pg_advisory_xact_lock(7007);
            IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.actor_id IS NOT NULL THEN
                PERFORM actor_mention_removed(OLD.actor_id, OLD.article_id);
            END IF;

            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.actor_id IS NOT NULL THEN
                PERFORM actor_mention_added(NEW.actor_id, NEW.article_id);
            END IF;

            RETURN NULL;
        END $$;

        CREATE TRIGGER mentions_aggregate AFTER INSERT OR DELETE OR UPDATE OF actor_id, article_id ON mentions
            FOR EACH ROW EXECUTE FUNCTION mentions_aggregate();
        """;
}
