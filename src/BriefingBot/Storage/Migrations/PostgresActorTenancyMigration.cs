namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 23 for PostgreSQL: the mention aggregates per tenant key, as <see cref="SqliteActorTenancyMigration"/>
/// describes; one advisory lock (7007, as in migration 7) serialises the writers.
/// </summary>
internal static class PostgresActorTenancyMigration
{
    public static Migration Migration { get; } = new(23, "actor aggregates per tenant", """
        DROP TRIGGER mentions_aggregate ON mentions;
        DROP FUNCTION mentions_aggregate();
        DROP FUNCTION actor_mention_added(text, bigint);
        DROP FUNCTION actor_mention_removed(text, bigint);
        DROP TABLE actor_pairs;
        DROP TABLE actor_days;
        DROP TABLE actor_articles;

        CREATE TABLE actor_articles (
            actor_id text NOT NULL,
            article_id bigint NOT NULL,
            tenant text NOT NULL,
            day integer NOT NULL,
            mentions integer NOT NULL,
            PRIMARY KEY (actor_id, article_id, tenant)
        );

        CREATE INDEX ix_actor_articles_article ON actor_articles(article_id, tenant, actor_id);
        CREATE INDEX ix_actor_articles_latest ON actor_articles(actor_id, tenant, day DESC, article_id DESC);

        CREATE TABLE actor_days (
            actor_id text NOT NULL,
            tenant text NOT NULL,
            day integer NOT NULL,
            mentions integer NOT NULL,
            articles integer NOT NULL,
            PRIMARY KEY (actor_id, tenant, day)
        );

        CREATE INDEX ix_actor_days_day ON actor_days(day, tenant, actor_id) INCLUDE (mentions);

        CREATE TABLE actor_pairs (
            actor_id text NOT NULL,
            tenant text NOT NULL,
            other_id text NOT NULL,
            articles integer NOT NULL,
            PRIMARY KEY (actor_id, tenant, other_id)
        );

        -- '' for a shared article; else each owner and '*'.
        CREATE FUNCTION actor_article_keys(article bigint) RETURNS SETOF text LANGUAGE sql STABLE AS $$
            SELECT tenant FROM article_owners WHERE article_id = article
            UNION SELECT '*' FROM article_owners WHERE article_id = article
            UNION SELECT '' WHERE NOT EXISTS (SELECT 1 FROM article_owners WHERE article_id = article)
        $$;

        INSERT INTO actor_articles (actor_id, article_id, tenant, day, mentions)
            SELECT m.actor_id, m.article_id, k.key, article_day(a.published_at, a.fetched_at), count(*)
            FROM mentions m JOIN articles a ON a.id = m.article_id CROSS JOIN LATERAL actor_article_keys(m.article_id) AS k(key)
            WHERE m.actor_id IS NOT NULL GROUP BY m.actor_id, m.article_id, k.key, a.published_at, a.fetched_at;
        INSERT INTO actor_days (actor_id, tenant, day, mentions, articles)
            SELECT actor_id, tenant, day, sum(mentions), count(*) FROM actor_articles GROUP BY actor_id, tenant, day;
        INSERT INTO actor_pairs (actor_id, tenant, other_id, articles)
            SELECT x.actor_id, x.tenant, y.actor_id, count(*) FROM actor_articles x
            JOIN actor_articles y ON y.article_id = x.article_id AND y.tenant = x.tenant AND y.actor_id <> x.actor_id
            GROUP BY x.actor_id, x.tenant, y.actor_id;

        CREATE FUNCTION actor_mention_added(actor text, article bigint) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            key text;
            article_day_number integer;
        BEGIN
            SELECT article_day(published_at, fetched_at) INTO article_day_number FROM articles WHERE id = article;
            IF NOT FOUND THEN
                RETURN;
            END IF;

            FOR key IN SELECT * FROM actor_article_keys(article) LOOP
                UPDATE actor_articles SET mentions = mentions + 1 WHERE actor_id = actor AND article_id = article AND tenant = key;
                IF FOUND THEN
                    UPDATE actor_days SET mentions = mentions + 1 WHERE actor_id = actor AND tenant = key AND day = article_day_number;
                    CONTINUE;
                END IF;

                INSERT INTO actor_pairs (actor_id, tenant, other_id, articles)
                    SELECT actor, key, o.actor_id, 1 FROM actor_articles o WHERE o.article_id = article AND o.tenant = key
                    UNION ALL
                    SELECT o.actor_id, key, actor, 1 FROM actor_articles o WHERE o.article_id = article AND o.tenant = key
                    ON CONFLICT (actor_id, tenant, other_id) DO UPDATE SET articles = actor_pairs.articles + 1;
                INSERT INTO actor_articles (actor_id, article_id, tenant, day, mentions) VALUES (actor, article, key, article_day_number, 1);
                INSERT INTO actor_days (actor_id, tenant, day, mentions, articles) VALUES (actor, key, article_day_number, 1, 1)
                    ON CONFLICT (actor_id, tenant, day) DO UPDATE SET mentions = actor_days.mentions + 1, articles = actor_days.articles + 1;
            END LOOP;
        END $$;

        CREATE FUNCTION actor_mention_removed(actor text, article bigint) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
            key text;
            left_mentions integer;
            article_day_number integer;
        BEGIN
            FOR key IN SELECT tenant FROM actor_articles WHERE actor_id = actor AND article_id = article LOOP
                UPDATE actor_articles SET mentions = mentions - 1 WHERE actor_id = actor AND article_id = article AND tenant = key
                    RETURNING mentions, day INTO left_mentions, article_day_number;
                IF left_mentions = 0 THEN
                    DELETE FROM actor_articles WHERE actor_id = actor AND article_id = article AND tenant = key;
                    UPDATE actor_pairs SET articles = articles - 1 WHERE tenant = key
                        AND actor_id = actor AND other_id IN (SELECT o.actor_id FROM actor_articles o WHERE o.article_id = article AND o.tenant = key);
                    UPDATE actor_pairs SET articles = articles - 1 WHERE tenant = key
                        AND other_id = actor AND actor_id IN (SELECT o.actor_id FROM actor_articles o WHERE o.article_id = article AND o.tenant = key);
                    DELETE FROM actor_pairs WHERE actor_id = actor AND tenant = key AND articles <= 0;
                    DELETE FROM actor_pairs WHERE other_id = actor AND tenant = key AND articles <= 0
                        AND actor_id IN (SELECT o.actor_id FROM actor_articles o WHERE o.article_id = article AND o.tenant = key);
                END IF;

                UPDATE actor_days SET mentions = mentions - 1, articles = articles - (CASE WHEN left_mentions = 0 THEN 1 ELSE 0 END)
                    WHERE actor_id = actor AND tenant = key AND day = article_day_number;
                DELETE FROM actor_days WHERE actor_id = actor AND tenant = key AND day = article_day_number AND mentions <= 0;
            END LOOP;
        END $$;

        -- The whole article counted under one more key (from its mentions), unless it is counted there already.
        CREATE FUNCTION actor_article_added(article bigint, key text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM actor_articles WHERE article_id = article AND tenant = key) THEN
                RETURN;
            END IF;

            INSERT INTO actor_articles (actor_id, article_id, tenant, day, mentions)
                SELECT m.actor_id, m.article_id, key, article_day(a.published_at, a.fetched_at), count(*)
                FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.article_id = article AND m.actor_id IS NOT NULL
                GROUP BY m.actor_id, m.article_id, a.published_at, a.fetched_at;
            INSERT INTO actor_days (actor_id, tenant, day, mentions, articles)
                SELECT actor_id, tenant, day, mentions, 1 FROM actor_articles WHERE article_id = article AND tenant = key
                ON CONFLICT (actor_id, tenant, day) DO UPDATE SET mentions = actor_days.mentions + excluded.mentions, articles = actor_days.articles + 1;
            INSERT INTO actor_pairs (actor_id, tenant, other_id, articles)
                SELECT x.actor_id, key, y.actor_id, 1 FROM actor_articles x
                JOIN actor_articles y ON y.article_id = x.article_id AND y.tenant = x.tenant AND y.actor_id <> x.actor_id
                WHERE x.article_id = article AND x.tenant = key
                ON CONFLICT (actor_id, tenant, other_id) DO UPDATE SET articles = actor_pairs.articles + 1;
        END $$;

        CREATE FUNCTION actor_article_removed(article bigint, key text) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE actor_days d SET mentions = d.mentions - s.mentions, articles = d.articles - 1
                FROM actor_articles s
                WHERE s.article_id = article AND s.tenant = key AND d.actor_id = s.actor_id AND d.tenant = s.tenant AND d.day = s.day;
            DELETE FROM actor_days d USING actor_articles s
                WHERE s.article_id = article AND s.tenant = key AND d.actor_id = s.actor_id AND d.tenant = s.tenant AND d.day = s.day AND d.mentions <= 0;
            UPDATE actor_pairs p SET articles = p.articles - 1
                FROM actor_articles x JOIN actor_articles y ON y.article_id = x.article_id AND y.tenant = x.tenant AND y.actor_id <> x.actor_id
                WHERE x.article_id = article AND x.tenant = key AND p.actor_id = x.actor_id AND p.tenant = key AND p.other_id = y.actor_id;
            DELETE FROM actor_pairs p USING actor_articles x
                WHERE x.article_id = article AND x.tenant = key AND p.actor_id = x.actor_id AND p.tenant = key AND p.articles <= 0;
            DELETE FROM actor_articles WHERE article_id = article AND tenant = key;
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

        -- The first owner makes a shared article private, the last one gone makes it shared; each owner counts it once.
        CREATE FUNCTION article_owners_aggregate() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            article bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END;
        BEGIN
            PERFORM pg_advisory_xact_lock(7007);
            IF TG_OP = 'INSERT' THEN
                IF (SELECT count(*) FROM article_owners WHERE article_id = article) = 1 THEN
                    PERFORM actor_article_removed(article, '');
                    PERFORM actor_article_added(article, '*');
                END IF;

                PERFORM actor_article_added(article, NEW.tenant);
            ELSE
                PERFORM actor_article_removed(article, OLD.tenant);
                IF NOT EXISTS (SELECT 1 FROM article_owners WHERE article_id = article) THEN
                    PERFORM actor_article_removed(article, '*');
                    PERFORM actor_article_added(article, '');
                END IF;
            END IF;

            PERFORM card_version_bump(ARRAY(SELECT DISTINCT actor_id FROM mentions WHERE article_id = article AND actor_id IS NOT NULL));
            RETURN NULL;
        END $$;

        CREATE TRIGGER article_owners_aggregate AFTER INSERT OR DELETE ON article_owners
            FOR EACH ROW EXECUTE FUNCTION article_owners_aggregate();
        """);
}
