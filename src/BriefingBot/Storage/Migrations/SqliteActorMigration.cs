namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 7 for SQLite: aliases taught in chat, and per-actor aggregates of the mentions table that triggers keep
/// current (per article, per day, and co-occurring pairs), so an actor card never scans the mentions.
/// Days are whole UTC days since the Unix epoch of the article's published time, else its fetched time.
/// </summary>
internal static class SqliteActorMigration
{
    private const string Day = "coalesce(a.published_at, a.fetched_at) / 86400000000";

    // An actor's mention joins the article: the actor's first mention there pairs it with every actor already there.
    private const string Added = """
            INSERT INTO actor_pairs (actor_id, other_id, articles)
                SELECT {row}.actor_id, o.actor_id, 1 FROM actor_articles o
                WHERE o.article_id = {row}.article_id AND o.actor_id <> {row}.actor_id
                  AND NOT EXISTS (SELECT 1 FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id)
                ON CONFLICT (actor_id, other_id) DO UPDATE SET articles = articles + 1;
            INSERT INTO actor_pairs (actor_id, other_id, articles)
                SELECT o.actor_id, {row}.actor_id, 1 FROM actor_articles o
                WHERE o.article_id = {row}.article_id AND o.actor_id <> {row}.actor_id
                  AND NOT EXISTS (SELECT 1 FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id)
                ON CONFLICT (actor_id, other_id) DO UPDATE SET articles = articles + 1;
            INSERT INTO actor_articles (actor_id, article_id, day, mentions)
                SELECT {row}.actor_id, {row}.article_id, {day}, 1 FROM articles a
                WHERE a.id = {row}.article_id AND {row}.actor_id IS NOT NULL
                ON CONFLICT (actor_id, article_id) DO UPDATE SET mentions = mentions + 1;
            INSERT INTO actor_days (actor_id, day, mentions, articles)
                SELECT s.actor_id, s.day, 1, s.mentions = 1 FROM actor_articles s
                WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id
                ON CONFLICT (actor_id, day) DO UPDATE SET mentions = mentions + 1, articles = articles + excluded.articles;
        """;

    // An actor's mention leaves the article: its last mention there takes the article out of its pairs.
    private const string Removed = """
            UPDATE actor_days SET mentions = mentions - 1,
                articles = articles - (SELECT s.mentions = 1 FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id)
            WHERE actor_id = {row}.actor_id
              AND day = (SELECT s.day FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id);
            DELETE FROM actor_days WHERE actor_id = {row}.actor_id AND mentions <= 0
              AND day = (SELECT s.day FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id);
            UPDATE actor_pairs SET articles = articles - 1
            WHERE actor_id = {row}.actor_id
              AND other_id IN (SELECT o.actor_id FROM actor_articles o WHERE o.article_id = {row}.article_id AND o.actor_id <> {row}.actor_id)
              AND (SELECT s.mentions FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id) = 1;
            UPDATE actor_pairs SET articles = articles - 1
            WHERE other_id = {row}.actor_id
              AND actor_id IN (SELECT o.actor_id FROM actor_articles o WHERE o.article_id = {row}.article_id AND o.actor_id <> {row}.actor_id)
              AND (SELECT s.mentions FROM actor_articles s WHERE s.actor_id = {row}.actor_id AND s.article_id = {row}.article_id) = 1;
            DELETE FROM actor_articles WHERE actor_id = {row}.actor_id AND article_id = {row}.article_id AND mentions = 1;
            UPDATE actor_articles SET mentions = mentions - 1 WHERE actor_id = {row}.actor_id AND article_id = {row}.article_id;
        """;

    public static string Sql { get; } = $$"""
        -- Aliases taught in chat; alias_key is lower(alias).
        CREATE TABLE actor_aliases (
            alias_key TEXT PRIMARY KEY,
            alias TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            added_by TEXT NOT NULL,
            added_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        -- A mention a taught alias resolved, and what it was before, so removing the alias reverts it.
        CREATE TABLE taught_mentions (
            article_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            alias_key TEXT NOT NULL,
            prior_kind TEXT NOT NULL,
            prior_confidence REAL NOT NULL,
            prior_via TEXT NOT NULL,
            PRIMARY KEY (article_id, position),
            FOREIGN KEY (article_id, position) REFERENCES mentions(article_id, position) ON DELETE CASCADE
        ) WITHOUT ROWID;

        CREATE INDEX ix_taught_mentions_alias ON taught_mentions(alias_key);
        CREATE INDEX ix_mentions_surface ON mentions(lower(surface));

        CREATE TABLE actor_articles (
            actor_id TEXT NOT NULL,
            article_id INTEGER NOT NULL,
            day INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (actor_id, article_id)
        ) WITHOUT ROWID;

        CREATE INDEX ix_actor_articles_article ON actor_articles(article_id, actor_id);
        CREATE INDEX ix_actor_articles_latest ON actor_articles(actor_id, day, article_id);

        CREATE TABLE actor_days (
            actor_id TEXT NOT NULL,
            day INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (actor_id, day)
        ) WITHOUT ROWID;

        CREATE INDEX ix_actor_days_day ON actor_days(day, actor_id, mentions);

        -- Articles two actors share, both ways round (actor_id, other_id) and (other_id, actor_id).
        CREATE TABLE actor_pairs (
            actor_id TEXT NOT NULL,
            other_id TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (actor_id, other_id)
        ) WITHOUT ROWID;

        INSERT INTO actor_articles (actor_id, article_id, day, mentions)
            SELECT m.actor_id, m.article_id, {{Day}}, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id
            WHERE m.actor_id IS NOT NULL GROUP BY m.actor_id, m.article_id;
        INSERT INTO actor_days (actor_id, day, mentions, articles)
            SELECT actor_id, day, sum(mentions), count(*) FROM actor_articles GROUP BY actor_id, day;
        INSERT INTO actor_pairs (actor_id, other_id, articles)
            SELECT x.actor_id, y.actor_id, count(*) FROM actor_articles x
            JOIN actor_articles y ON y.article_id = x.article_id AND y.actor_id <> x.actor_id
            GROUP BY x.actor_id, y.actor_id;

        CREATE TRIGGER mentions_aggregate_insert AFTER INSERT ON mentions WHEN new.actor_id IS NOT NULL
        BEGIN
        {{Body(Added, "new")}}
        END;

        CREATE TRIGGER mentions_aggregate_delete AFTER DELETE ON mentions WHEN old.actor_id IS NOT NULL
        BEGIN
        {{Body(Removed, "old")}}
        END;

        CREATE TRIGGER mentions_aggregate_update AFTER UPDATE OF actor_id, article_id ON mentions
            WHEN old.actor_id IS NOT new.actor_id OR old.article_id <> new.article_id
        BEGIN
        {{Body(Removed, "old")}}
        {{Body(Added, "new")}}
        END;
        """;

    private static string Body(string template, string row) => template.Replace("{row}", row, StringComparison.Ordinal).Replace("{day}", Day, StringComparison.Ordinal);
}
