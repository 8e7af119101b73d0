namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 23 for SQLite: the mention aggregates of migration 7 per tenant key, so a workspace's actor card counts the shared
/// articles and its own only. An article's keys: '' when it is shared (no owners), else each owner and
/// <see cref="ActorRows.PrivateKey"/> (every private article once, for the operator's view of everything). A card sums the rows
/// of '' and one other key. Triggers keep the keys current both when mentions change and when an article's owners do
/// (a second workspace adding it, the operator storing it again), and raise the card versions of its actors then.
/// </summary>
internal static class SqliteActorTenancyMigration
{
    private const string SqliteDay = "coalesce(a.published_at, a.fetched_at) / 86400000000";

    private const string SqliteKeys = """
        SELECT tenant FROM article_owners WHERE article_id = {article}
        UNION SELECT '*' FROM article_owners WHERE article_id = {article}
        UNION SELECT '' WHERE NOT EXISTS (SELECT 1 FROM article_owners WHERE article_id = {article})
        """;

    private const string SqliteTables = """
        CREATE TABLE actor_articles (
            actor_id TEXT NOT NULL,
            article_id INTEGER NOT NULL,
            tenant TEXT NOT NULL,
            day INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (actor_id, article_id, tenant)
        ) WITHOUT ROWID;

        CREATE INDEX ix_actor_articles_article ON actor_articles(article_id, tenant, actor_id);
        CREATE INDEX ix_actor_articles_latest ON actor_articles(actor_id, tenant, day, article_id);

        CREATE TABLE actor_days (
            actor_id TEXT NOT NULL,
            tenant TEXT NOT NULL,
            day INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (actor_id, tenant, day)
        ) WITHOUT ROWID;

        CREATE INDEX ix_actor_days_day ON actor_days(day, tenant, actor_id, mentions);

        CREATE TABLE actor_pairs (
            actor_id TEXT NOT NULL,
            tenant TEXT NOT NULL,
            other_id TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (actor_id, tenant, other_id)
        ) WITHOUT ROWID;
        """;

    // An actor's mention joins the article: under each of the article's keys, its first mention there pairs it with
    // every actor already there.
    private const string SqliteMentionAdded = """
            INSERT INTO actor_pairs (actor_id, tenant, other_id, articles)
                SELECT {row}.actor_id, o.tenant, o.actor_id, 1 FROM actor_articles o
                WHERE o.article_id = {row}.article_id AND o.actor_id <> {row}.actor_id
                  AND NOT EXISTS (SELECT 1 FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id AND s.tenant = o.tenant)
                ON CONFLICT (actor_id, tenant, other_id) DO UPDATE SET articles = articles + 1;
            INSERT INTO actor_pairs (actor_id, tenant, other_id, articles)
                SELECT o.actor_id, o.tenant, {row}.actor_id, 1 FROM actor_articles o
                WHERE o.article_id = {row}.article_id AND o.actor_id <> {row}.actor_id
                  AND NOT EXISTS (SELECT 1 FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id AND s.tenant = o.tenant)
                ON CONFLICT (actor_id, tenant, other_id) DO UPDATE SET articles = articles + 1;
            INSERT INTO actor_articles (actor_id, article_id, tenant, day, mentions)
                SELECT {row}.actor_id, {row}.article_id, k.tenant, {day}, 1 FROM articles a, ({keys}) AS k
                WHERE a.id = {row}.article_id AND {row}.actor_id IS NOT NULL
                ON CONFLICT (actor_id, article_id, tenant) DO UPDATE SET mentions = mentions + 1;
            INSERT INTO actor_days (actor_id, tenant, day, mentions, articles)
                SELECT s.actor_id, s.tenant, s.day, 1, s.mentions = 1 FROM actor_articles s
                WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id
                ON CONFLICT (actor_id, tenant, day) DO UPDATE SET mentions = mentions + 1, articles = articles + excluded.articles;
        """;

    // An actor's mention leaves the article, under every key it is counted under: its last mention there takes the
    // article out of its pairs.
    private const string SqliteMentionRemoved = """
            UPDATE actor_days SET mentions = actor_days.mentions - 1, articles = actor_days.articles - (s.mentions = 1)
                FROM actor_articles s
                WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id
                  AND actor_days.actor_id = s.actor_id AND actor_days.tenant = s.tenant AND actor_days.day = s.day;
            DELETE FROM actor_days WHERE actor_id = {row}.actor_id AND mentions <= 0
                AND (tenant, day) IN (SELECT s.tenant, s.day FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id);
            UPDATE actor_pairs SET articles = articles - 1
                WHERE actor_id = {row}.actor_id AND (tenant, other_id) IN (
                    SELECT o.tenant, o.actor_id FROM actor_articles s JOIN actor_articles o ON o.article_id = s.article_id AND o.tenant = s.tenant
                    WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id AND s.mentions = 1 AND o.actor_id <> {row}.actor_id);
            UPDATE actor_pairs SET articles = articles - 1
                WHERE other_id = {row}.actor_id AND (actor_id, tenant) IN (
                    SELECT o.actor_id, o.tenant FROM actor_articles s JOIN actor_articles o ON o.article_id = s.article_id AND o.tenant = s.tenant
                    WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id AND s.mentions = 1 AND o.actor_id <> {row}.actor_id);
            DELETE FROM actor_articles WHERE actor_id = {row}.actor_id AND article_id = {row}.article_id AND mentions = 1;
            UPDATE actor_articles SET mentions = mentions - 1 WHERE actor_id = {row}.actor_id AND article_id = {row}.article_id;
        """;

    // The whole article counted under one more key (from its mentions), unless it is counted there already.
    private const string SqliteArticleAdded = """
            INSERT INTO actor_pairs (actor_id, tenant, other_id, articles)
                SELECT DISTINCT x.actor_id, {key}, y.actor_id, 1 FROM mentions x
                JOIN mentions y ON y.article_id = x.article_id AND y.actor_id <> x.actor_id
                JOIN articles a ON a.id = x.article_id
                WHERE x.article_id = {article} AND NOT EXISTS (SELECT 1 FROM actor_articles e WHERE e.article_id = {article} AND e.tenant = {key})
                ON CONFLICT (actor_id, tenant, other_id) DO UPDATE SET articles = articles + 1;
            INSERT INTO actor_days (actor_id, tenant, day, mentions, articles)
                SELECT m.actor_id, {key}, {day}, count(*), 1 FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.article_id = {article} AND m.actor_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM actor_articles e WHERE e.article_id = {article} AND e.tenant = {key})
                GROUP BY m.actor_id
                ON CONFLICT (actor_id, tenant, day) DO UPDATE SET mentions = mentions + excluded.mentions, articles = articles + 1;
            INSERT INTO actor_articles (actor_id, article_id, tenant, day, mentions)
                SELECT m.actor_id, m.article_id, {key}, {day}, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.article_id = {article} AND m.actor_id IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM actor_articles e WHERE e.article_id = {article} AND e.tenant = {key})
                GROUP BY m.actor_id
                ON CONFLICT (actor_id, article_id, tenant) DO NOTHING;
        """;

    // The whole article no longer counted under a key.
    private const string SqliteArticleRemoved = """
            UPDATE actor_days SET mentions = actor_days.mentions - s.mentions, articles = actor_days.articles - 1
                FROM actor_articles s
                WHERE s.article_id = {article} AND s.tenant = {key}
                  AND actor_days.actor_id = s.actor_id AND actor_days.tenant = s.tenant AND actor_days.day = s.day;
            DELETE FROM actor_days WHERE mentions <= 0
                AND (actor_id, tenant, day) IN (SELECT s.actor_id, s.tenant, s.day FROM actor_articles s WHERE s.article_id = {article} AND s.tenant = {key});
            UPDATE actor_pairs SET articles = articles - 1
                WHERE (actor_id, tenant, other_id) IN (
                    SELECT x.actor_id, x.tenant, y.actor_id FROM actor_articles x
                    JOIN actor_articles y ON y.article_id = x.article_id AND y.tenant = x.tenant AND y.actor_id <> x.actor_id
                    WHERE x.article_id = {article} AND x.tenant = {key});
            DELETE FROM actor_articles WHERE article_id = {article} AND tenant = {key};
        """;

    private const string SqliteBumpArticle = """
            INSERT INTO card_versions (actor_id, version)
                SELECT DISTINCT actor_id, 1 FROM mentions WHERE article_id = {article} AND actor_id IS NOT NULL
                ON CONFLICT (actor_id) DO UPDATE SET version = version + 1;
        """;

    private const string SqliteBackfill = """
        INSERT INTO actor_articles (actor_id, article_id, tenant, day, mentions)
            SELECT m.actor_id, m.article_id, k.tenant, {day}, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
            JOIN (SELECT article_id, tenant FROM article_owners
                  UNION SELECT article_id, '*' FROM article_owners
                  UNION SELECT id, '' FROM articles WHERE NOT EXISTS (SELECT 1 FROM article_owners o WHERE o.article_id = articles.id)) k
              ON k.article_id = m.article_id
            WHERE m.actor_id IS NOT NULL GROUP BY m.actor_id, m.article_id, k.tenant;
        INSERT INTO actor_days (actor_id, tenant, day, mentions, articles)
            SELECT actor_id, tenant, day, sum(mentions), count(*) FROM actor_articles GROUP BY actor_id, tenant, day;
        INSERT INTO actor_pairs (actor_id, tenant, other_id, articles)
            SELECT x.actor_id, x.tenant, y.actor_id, count(*) FROM actor_articles x
            JOIN actor_articles y ON y.article_id = x.article_id AND y.tenant = x.tenant AND y.actor_id <> x.actor_id
            GROUP BY x.actor_id, x.tenant, y.actor_id;
        """;

    public static Migration Migration { get; } = new(23, "actor aggregates per tenant", $$"""
        DROP TRIGGER mentions_aggregate_insert;
        DROP TRIGGER mentions_aggregate_delete;
        DROP TRIGGER mentions_aggregate_update;
        DROP TABLE actor_pairs;
        DROP TABLE actor_days;
        DROP TABLE actor_articles;

        {{SqliteTables}}

        {{Fill(SqliteBackfill, SqliteDay)}}

        CREATE TRIGGER mentions_aggregate_insert AFTER INSERT ON mentions WHEN new.actor_id IS NOT NULL
        BEGIN
        {{Mention(SqliteMentionAdded, "new")}}
        END;

        CREATE TRIGGER mentions_aggregate_delete AFTER DELETE ON mentions WHEN old.actor_id IS NOT NULL
        BEGIN
        {{Mention(SqliteMentionRemoved, "old")}}
        END;

        CREATE TRIGGER mentions_aggregate_update AFTER UPDATE OF actor_id, article_id ON mentions
            WHEN old.actor_id IS NOT new.actor_id OR old.article_id <> new.article_id
        BEGIN
        {{Mention(SqliteMentionRemoved, "old")}}
        {{Mention(SqliteMentionAdded, "new")}}
        END;

        -- The first owner makes a shared article private; each owner counts it once more.
        CREATE TRIGGER article_owners_aggregate_first AFTER INSERT ON article_owners
            WHEN (SELECT count(*) FROM article_owners WHERE article_id = new.article_id) = 1
        BEGIN
        {{Article(SqliteArticleRemoved, "new.article_id", "''")}}
        {{Article(SqliteArticleAdded, "new.article_id", "'*'")}}
        END;

        CREATE TRIGGER article_owners_aggregate_insert AFTER INSERT ON article_owners
        BEGIN
        {{Article(SqliteArticleAdded, "new.article_id", "new.tenant")}}
        {{Article(SqliteBumpArticle, "new.article_id", "")}}
        END;

        CREATE TRIGGER article_owners_aggregate_delete AFTER DELETE ON article_owners
        BEGIN
        {{Article(SqliteArticleRemoved, "old.article_id", "old.tenant")}}
        {{Article(SqliteBumpArticle, "old.article_id", "")}}
        END;

        -- The last owner gone makes the article shared.
        CREATE TRIGGER article_owners_aggregate_last AFTER DELETE ON article_owners
            WHEN NOT EXISTS (SELECT 1 FROM article_owners WHERE article_id = old.article_id)
        BEGIN
        {{Article(SqliteArticleRemoved, "old.article_id", "'*'")}}
        {{Article(SqliteArticleAdded, "old.article_id", "''")}}
        END;
        """);

    private static string Fill(string template, string day) => template.Replace("{day}", day, StringComparison.Ordinal);

    private static string Mention(string template, string row) =>
        Fill(template, SqliteDay)
            .Replace("{keys}", SqliteKeys.Replace("{article}", "{row}.article_id", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("{row}", row, StringComparison.Ordinal);

    private static string Article(string template, string article, string key) =>
        Fill(template, SqliteDay).Replace("{article}", article, StringComparison.Ordinal).Replace("{key}", key, StringComparison.Ordinal);
}
