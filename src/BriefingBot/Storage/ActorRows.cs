using System.Globalization;
using System.Data.Common;
using BriefingBot.Actors;

namespace BriefingBot.Storage;

/// <summary>The SQL of <see cref="IActorStore"/>, the same for SQLite and PostgreSQL (named @parameters, integer day numbers).</summary>
internal static class ActorRows
{
    /// <summary>The aggregates' key of shared articles (migration 23).</summary>
    public const string SharedKey = "";

    /// <summary>The key every private article is counted under besides its owners: the operator's view of everything.</summary>
    public const string PrivateKey = "*";

    public const string SelectDays = """
        SELECT day, sum(mentions), sum(articles) FROM actor_days
        WHERE actor_id = @actor AND tenant IN ('', @tenant) AND day >= @from AND day <= @to
        GROUP BY day HAVING sum(mentions) > 0 ORDER BY day
        """;

    public const string SelectCoMentions = """
        SELECT other_id, sum(articles) AS shared FROM actor_pairs
        WHERE actor_id = @actor AND tenant IN ('', @tenant)
        GROUP BY other_id HAVING sum(articles) > 0 ORDER BY shared DESC, other_id LIMIT @limit
        """;

    public const string SelectLatestArticles = """
        SELECT a.id, a.title, a.source, a.url, x.day FROM actor_articles x JOIN articles a ON a.id = x.article_id
        WHERE x.actor_id = @actor AND x.tenant IN ('', @tenant) ORDER BY x.day DESC, x.article_id DESC LIMIT @limit
        """;

    public const string SelectTop = """
        SELECT actor_id,
            sum(CASE WHEN day >= @from THEN mentions ELSE 0 END) AS current_mentions,
            sum(CASE WHEN day < @from THEN mentions ELSE 0 END) AS previous_mentions
        FROM actor_days WHERE day >= @previous_from AND day <= @to AND tenant IN ('', @tenant)
        GROUP BY actor_id HAVING sum(CASE WHEN day >= @from THEN mentions ELSE 0 END) > 0
        ORDER BY current_mentions DESC, actor_id LIMIT @limit
        """;

    /// <summary>The actor's row plus the polls row: both only grow, so the sum changes whenever either does.</summary>
    public const string SelectCardVersion =
        "SELECT coalesce(sum(version), 0) FROM card_versions WHERE actor_id = @actor OR actor_id = '" + Migrations.CardVersionMigrations.PollsKey + "'";

    public const string SelectAliases = "SELECT alias, actor_id, added_by, added_at FROM actor_aliases ORDER BY alias_key";

    public const string InsertAlias = """
        INSERT INTO actor_aliases (alias_key, alias, actor_id, added_by, added_at)
        VALUES (lower(@alias), @alias, @actor_id, @added_by, @added_at)
        ON CONFLICT (alias_key) DO NOTHING
        """;

    public const string RememberTaughtMentions = """
        INSERT INTO taught_mentions (article_id, position, alias_key, prior_kind, prior_confidence, prior_via)
        SELECT article_id, position, lower(@alias), kind, confidence, via FROM mentions
        WHERE lower(surface) = lower(@alias) AND actor_id IS NULL
        """;

    public const string ResolveMentions = """
        UPDATE mentions SET actor_id = @actor_id, actor_name = @actor_name, kind = @kind, confidence = @confidence, via = 'alias'
        WHERE lower(surface) = lower(@alias) AND actor_id IS NULL
        """;

    public const string SelectAliasActor = "SELECT actor_id FROM actor_aliases WHERE alias_key = lower(@alias)";

    public const string DeleteAlias = "DELETE FROM actor_aliases WHERE alias_key = lower(@alias)";

    public const string RestoreTaughtMentions = """
        UPDATE mentions SET actor_id = NULL, actor_name = NULL, kind = t.prior_kind, confidence = t.prior_confidence, via = t.prior_via
        FROM taught_mentions t
        WHERE t.alias_key = lower(@alias) AND mentions.article_id = t.article_id AND mentions.position = t.position
        """;

    public const string ForgetTaughtMentions = "DELETE FROM taught_mentions WHERE alias_key = lower(@alias)";

    /// <summary>Mentions analysed while the alias was taught have no earlier state: they become unresolved.</summary>
    public const string UnresolveMentions = """
        UPDATE mentions SET actor_id = NULL, actor_name = NULL, confidence = @confidence, via = 'rule'
        WHERE lower(surface) = lower(@alias) AND actor_id = @actor_id
        """;

    /// <summary>How sure a mention resolved through a taught alias is, and an unresolved one after the alias is removed.</summary>
    public const double TaughtConfidence = 0.9;

    public const double UnresolvedConfidence = 0.5;

    private static readonly int EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The key a tenant's reads sum with the shared one: its own, or <see cref="PrivateKey"/> for the operator (null).</summary>
    public static string Key(string? tenant) => tenant ?? PrivateKey;

    public static int DayNumber(DateOnly day) => day.DayNumber - EpochDay;

    public static DateOnly FromDayNumber(long day) => DateOnly.FromDayNumber((int)day + EpochDay);

    public static ActorDay ReadDay(DbDataReader reader) =>
        new(FromDayNumber(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture));

    public static CoMention ReadCoMention(DbDataReader reader) => new(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));

    public static ActorArticle ReadArticle(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), FromDayNumber(Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));

    public static ActorPeriod ReadPeriod(DbDataReader reader) =>
        new(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));

    public static async Task<IReadOnlyList<T>> ReadAsync<T>(
        DbConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AnalysisRows.Bind(command, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
