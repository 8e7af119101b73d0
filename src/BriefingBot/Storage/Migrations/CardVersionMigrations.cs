namespace BriefingBot.Storage.Migrations;

/// <summary>
/// Migration 22: a version number per actor card, raised by triggers whenever something the card shows changes
/// (the actor's mentions, its developments and their reports, its taught aliases, the titles of its articles), plus
/// one row <see cref="PollsKey"/> raised when any poll opens, closes or changes what it asks. A card cached with the
/// sum of its actor's row and the polls row is current while that sum is unchanged: both only grow.
/// </summary>
internal static class CardVersionMigrations
{
    /// <summary>The card_versions row for polls (no actor id starts with '*').</summary>
    public const string PollsKey = "*polls";

    private const string SqliteBump = """
        INSERT INTO card_versions (actor_id, version) VALUES ({actor}, 1)
            ON CONFLICT (actor_id) DO UPDATE SET version = version + 1;
        """;

    // WHERE true: SQLite needs a WHERE before an upsert's ON CONFLICT after a SELECT ... FROM.
    private const string SqliteBumpGroup = """
        INSERT INTO card_versions (actor_id, version)
            SELECT actor_id, 1 FROM development_group_actors WHERE development_id = {group} AND true
            ON CONFLICT (actor_id) DO UPDATE SET version = version + 1;
        """;

    public static Migration Sqlite { get; } = new(22, "card versions", $"""
        CREATE TABLE card_versions (
            actor_id TEXT PRIMARY KEY,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TRIGGER card_versions_mention_insert AFTER INSERT ON mentions WHEN new.actor_id IS NOT NULL
        BEGIN {Bump(SqliteBump, "new.actor_id")} END;

        CREATE TRIGGER card_versions_mention_delete AFTER DELETE ON mentions WHEN old.actor_id IS NOT NULL
        BEGIN {Bump(SqliteBump, "old.actor_id")} END;

        CREATE TRIGGER card_versions_mention_update AFTER UPDATE OF actor_id, article_id ON mentions
            WHEN old.actor_id IS NOT new.actor_id OR old.article_id <> new.article_id
        BEGIN
            INSERT INTO card_versions (actor_id, version)
                SELECT actor_id, 1 FROM (SELECT old.actor_id AS actor_id UNION SELECT new.actor_id) WHERE actor_id IS NOT NULL
                ON CONFLICT (actor_id) DO UPDATE SET version = version + 1;
        END;

        CREATE TRIGGER card_versions_group_actor_insert AFTER INSERT ON development_group_actors
        BEGIN {Bump(SqliteBump, "new.actor_id")} END;

        CREATE TRIGGER card_versions_group_actor_delete AFTER DELETE ON development_group_actors
        BEGIN {Bump(SqliteBump, "old.actor_id")} END;

        CREATE TRIGGER card_versions_group_update AFTER UPDATE ON development_groups
        BEGIN {Bump(SqliteBumpGroup, "new.id")} END;

        CREATE TRIGGER card_versions_development_insert AFTER INSERT ON developments WHEN new.development_id IS NOT NULL
        BEGIN {Bump(SqliteBumpGroup, "new.development_id")} END;

        CREATE TRIGGER card_versions_development_delete AFTER DELETE ON developments WHEN old.development_id IS NOT NULL
        BEGIN {Bump(SqliteBumpGroup, "old.development_id")} END;

        CREATE TRIGGER card_versions_development_update AFTER UPDATE OF development_id ON developments
            WHEN old.development_id IS NOT new.development_id
        BEGIN
            {Bump(SqliteBumpGroup, "old.development_id")}
            {Bump(SqliteBumpGroup, "new.development_id")}
        END;

        CREATE TRIGGER card_versions_alias_insert AFTER INSERT ON actor_aliases
        BEGIN {Bump(SqliteBump, "new.actor_id")} END;

        CREATE TRIGGER card_versions_alias_delete AFTER DELETE ON actor_aliases
        BEGIN {Bump(SqliteBump, "old.actor_id")} END;

        CREATE TRIGGER card_versions_article_update AFTER UPDATE OF title, source, url ON articles
        BEGIN
            INSERT INTO card_versions (actor_id, version)
                SELECT actor_id, 1 FROM actor_articles WHERE article_id = new.id AND true
                ON CONFLICT (actor_id) DO UPDATE SET version = version + 1;
        END;

        CREATE TRIGGER card_versions_poll_insert AFTER INSERT ON polls
        BEGIN {Bump(SqliteBump, $"'{PollsKey}'")} END;

        CREATE TRIGGER card_versions_poll_delete AFTER DELETE ON polls
        BEGIN {Bump(SqliteBump, $"'{PollsKey}'")} END;

        CREATE TRIGGER card_versions_poll_update AFTER UPDATE OF question, development_id, actor_ids, closes_at, closed_at ON polls
            WHEN old.question IS NOT new.question OR old.development_id IS NOT new.development_id OR old.actor_ids IS NOT new.actor_ids
              OR old.closes_at IS NOT new.closes_at OR old.closed_at IS NOT new.closed_at
        BEGIN {Bump(SqliteBump, $"'{PollsKey}'")} END;
        """);

    public static Migration Postgres { get; } = new(22, "card versions", $$"""
        CREATE TABLE card_versions (
            actor_id text PRIMARY KEY,
            version bigint NOT NULL
        );

        -- Bumps run under the mention aggregates' advisory lock: writers that touch several actors queue instead of
        -- deadlocking on card_versions rows taken in different orders.
        CREATE FUNCTION card_version_bump(actors text[]) RETURNS void LANGUAGE plpgsql AS $$
        BEGIN
            IF coalesce(array_length(actors, 1), 0) = 0 THEN
                RETURN;
            END IF;

            PERFORM pg_advisory_xact_lock(7007);
            INSERT INTO card_versions (actor_id, version)
                SELECT DISTINCT a, 1 FROM unnest(actors) AS a WHERE a IS NOT NULL ORDER BY 1
                ON CONFLICT (actor_id) DO UPDATE SET version = card_versions.version + 1;
        END $$;

        CREATE FUNCTION card_version_group_actors(group_id bigint) RETURNS text[] LANGUAGE sql STABLE AS $$
            SELECT coalesce(array_agg(actor_id), '{}') FROM development_group_actors WHERE development_id = group_id
        $$;

        CREATE FUNCTION card_versions_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM card_version_bump(ARRAY[NEW.actor_id]);
            ELSIF TG_OP = 'DELETE' THEN
                PERFORM card_version_bump(ARRAY[OLD.actor_id]);
            ELSIF OLD.actor_id IS DISTINCT FROM NEW.actor_id OR OLD.article_id <> NEW.article_id THEN
                PERFORM card_version_bump(ARRAY[OLD.actor_id, NEW.actor_id]);
            END IF;

            RETURN NULL;
        END $$;

        CREATE TRIGGER card_versions_mentions AFTER INSERT OR DELETE OR UPDATE OF actor_id, article_id ON mentions
            FOR EACH ROW EXECUTE FUNCTION card_versions_mentions();

        CREATE FUNCTION card_versions_group_actors() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM card_version_bump(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.actor_id ELSE NEW.actor_id END]);
            RETURN NULL;
        END $$;

        CREATE TRIGGER card_versions_group_actors AFTER INSERT OR DELETE ON development_group_actors
            FOR EACH ROW EXECUTE FUNCTION card_versions_group_actors();

        CREATE FUNCTION card_versions_groups() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM card_version_bump(card_version_group_actors(NEW.id));
            RETURN NULL;
        END $$;

        CREATE TRIGGER card_versions_groups AFTER UPDATE ON development_groups
            FOR EACH ROW EXECUTE FUNCTION card_versions_groups();

        CREATE FUNCTION card_versions_developments() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('DELETE', 'UPDATE') AND OLD.development_id IS NOT NULL
               AND (TG_OP = 'DELETE' OR OLD.development_id IS DISTINCT FROM NEW.development_id) THEN
                PERFORM card_version_bump(card_version_group_actors(OLD.development_id));
            END IF;

            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.development_id IS NOT NULL
               AND (TG_OP = 'INSERT' OR OLD.development_id IS DISTINCT FROM NEW.development_id) THEN
                PERFORM card_version_bump(card_version_group_actors(NEW.development_id));
            END IF;

            RETURN NULL;
        END $$;

        CREATE TRIGGER card_versions_developments AFTER INSERT OR DELETE OR UPDATE OF development_id ON developments
            FOR EACH ROW EXECUTE FUNCTION card_versions_developments();

        CREATE FUNCTION card_versions_aliases() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM card_version_bump(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.actor_id ELSE NEW.actor_id END]);
            RETURN NULL;
        END $$;

        CREATE TRIGGER card_versions_aliases AFTER INSERT OR DELETE ON actor_aliases
            FOR EACH ROW EXECUTE FUNCTION card_versions_aliases();

        CREATE FUNCTION card_versions_articles() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.title IS DISTINCT FROM NEW.title OR OLD.source IS DISTINCT FROM NEW.source OR OLD.url IS DISTINCT FROM NEW.url THEN
                PERFORM card_version_bump(ARRAY(SELECT actor_id FROM actor_articles WHERE article_id = NEW.id));
            END IF;

            RETURN NULL;
        END $$;

        CREATE TRIGGER card_versions_articles AFTER UPDATE OF title, source, url ON articles
            FOR EACH ROW EXECUTE FUNCTION card_versions_articles();

        CREATE FUNCTION card_versions_polls() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'UPDATE' OR OLD.question IS DISTINCT FROM NEW.question OR OLD.development_id IS DISTINCT FROM NEW.development_id
               OR OLD.actor_ids IS DISTINCT FROM NEW.actor_ids OR OLD.closes_at IS DISTINCT FROM NEW.closes_at
               OR OLD.closed_at IS DISTINCT FROM NEW.closed_at THEN
                PERFORM card_version_bump(ARRAY['{{PollsKey}}']);
            END IF;

            RETURN NULL;
        END $$;

        CREATE TRIGGER card_versions_polls AFTER INSERT OR DELETE OR UPDATE ON polls
            FOR EACH ROW EXECUTE FUNCTION card_versions_polls();
        """);

    private static string Bump(string template, string value) =>
        template.Replace("{actor}", value, StringComparison.Ordinal).Replace("{group}", value, StringComparison.Ordinal);
}
