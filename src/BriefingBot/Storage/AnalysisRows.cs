using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Storage;

/// <summary>The SQL and row mapping of the analysis tables, the same for SQLite and PostgreSQL (named @parameters).</summary>
internal static class AnalysisRows
{
    public const string DeleteMentions = "DELETE FROM mentions WHERE article_id = @article";

    public const string DeleteDevelopments = "DELETE FROM developments WHERE article_id = @article";

    public const string InsertMention = """
        INSERT INTO mentions (article_id, position, start, length, surface, actor_id, actor_name, kind, confidence, via)
        VALUES (@article, @position, @start, @length, @surface, @actor_id, @actor_name, @kind, @confidence, @via)
        """;

    public const string InsertDevelopment = """
        INSERT INTO developments (article_id, position, start, "end", claim, actors, cues, strength, attribution,
            window_from, window_to, question, resolve_by, development_id)
        VALUES (@article, @position, @start, @end, @claim, @actors, @cues, @strength, @attribution,
            @window_from, @window_to, @question, @resolve_by, @development)
        """;

    public const string InsertHedge = """
        INSERT INTO hedges (article_id, position, start, length, cues, strength)
        VALUES (@article, @position, @start, @length, @cues, @strength)
        """;

    public const string InsertCandidate = """
        INSERT INTO actor_candidates (article_id, name_key, kind, name, mentions)
        VALUES (@article, @name_key, @kind, @name, @mentions)
        """;

    public const string MarkAnalyzed = """
        INSERT INTO article_analysis (article_id, analyzed_at) VALUES (@article, @analyzed_at)
        ON CONFLICT (article_id) DO UPDATE SET analyzed_at = excluded.analyzed_at
        """;

    public const string SelectMentions = """
        SELECT start, length, surface, actor_id, actor_name, kind, confidence, via
        FROM mentions WHERE article_id = @article ORDER BY position
        """;

    public const string SelectDevelopments = """
        SELECT start, "end", claim, actors, cues, strength, attribution, window_from, window_to, question, resolve_by
        FROM developments WHERE article_id = @article ORDER BY position
        """;

    public const string SelectHedges = """
        SELECT start, length, cues, strength FROM hedges WHERE article_id = @article ORDER BY position
        """;

    public const string SelectIsAnalyzed = "SELECT article_id FROM article_analysis WHERE article_id = @article";

    /// <summary>Candidates whose name contains @pattern (lower case, LIKE-escaped with \); the exact name first.</summary>
    public const string SelectCandidates = """
        SELECT min(name), kind, sum(mentions), count(*) FROM actor_candidates
        WHERE name_key LIKE @pattern ESCAPE '\'
        GROUP BY name_key, kind
        ORDER BY CASE WHEN name_key = @key THEN 0 ELSE 1 END, sum(mentions) DESC, name_key, kind
        LIMIT @limit
        """;

    /// <summary>Forgets which articles were analysed (their rows stay until replaced), so the next pass redoes them all.</summary>
    public const string ForgetAnalyzed = "DELETE FROM article_analysis";

    public const string SelectUnanalyzed = """
        SELECT a.id FROM articles a
        WHERE NOT EXISTS (SELECT 1 FROM article_analysis x WHERE x.article_id = a.id)
        ORDER BY a.id DESC LIMIT @limit
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IEnumerable<(string Name, object? Value)> Mention(long articleId, int position, ActorMention mention) =>
    [
        ("@article", articleId),
        ("@position", position),
        ("@start", mention.Start),
        ("@length", mention.Length),
        ("@surface", mention.Surface),
        ("@actor_id", mention.Actor?.Id),
        ("@actor_name", mention.Actor?.Name),
        ("@kind", mention.Kind.ToString()),
        ("@confidence", mention.Confidence),
        ("@via", mention.Via),
    ];

    public static IEnumerable<(string Name, object? Value)> Development(long articleId, int position, ReportedDevelopment development, long? groupId) =>
    [
        ("@article", articleId),
        ("@position", position),
        ("@development", groupId),
        .. DevelopmentFields(development),
    ];

    /// <summary>The parameters shared by a development row and a development group: @start ... @resolve_by.</summary>
    public static IEnumerable<(string Name, object? Value)> DevelopmentFields(ReportedDevelopment development) =>
    [
        ("@start", development.Start),
        ("@end", development.End),
        ("@claim", development.Claim),
        ("@actors", JsonSerializer.Serialize(development.Actors.Select(a => new ActorRow(a.Id, a.Name, a.Kind)), Json)),
        ("@cues", JsonSerializer.Serialize(development.Cues, Json)),
        ("@strength", development.Strength),
        ("@attribution", JsonSerializer.Serialize(development.Attribution.Select(AttributionRow.From), Json)),
        ("@window_from", development.Window?.From),
        ("@window_to", development.Window?.To),
        ("@question", development.Question),
        ("@resolve_by", development.ResolveBy),
    ];

    /// <summary>
    /// The hedge and candidate statements of one save, after the deletes of the earlier ones: run them in order inside
    /// the save's transaction.
    /// </summary>
    public static IEnumerable<(string Sql, IEnumerable<(string Name, object? Value)> Values)> HedgesAndCandidates(
        long articleId, DevelopmentAnalysis analysis)
    {
        yield return ("DELETE FROM hedges WHERE article_id = @article", [("@article", articleId)]);
        yield return ("DELETE FROM actor_candidates WHERE article_id = @article", [("@article", articleId)]);
        for (var i = 0; i < analysis.Hedges.Count; i++)
        {
            var hedge = analysis.Hedges[i];
            yield return (InsertHedge,
            [
                ("@article", articleId), ("@position", i), ("@start", hedge.Start), ("@length", hedge.Length),
                ("@cues", JsonSerializer.Serialize(hedge.Cues.Select(CueRow.From), Json)), ("@strength", hedge.Probability),
            ]);
        }

        foreach (var candidate in CandidateKeys(analysis.Mentions))
        {
            yield return (InsertCandidate,
            [
                ("@article", articleId), ("@name_key", candidate.Key), ("@kind", candidate.Kind.ToString()),
                ("@name", candidate.Name), ("@mentions", candidate.Mentions),
            ]);
        }
    }

    /// <summary>
    /// The LIKE pattern and exact key that find candidates containing <paramref name="name"/> (case and spacing ignored).
    /// </summary>
    public static (string Pattern, string Key) CandidateSearch(string name)
    {
        var key = NameKey(name);
        var escaped = key.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
        return ("%" + escaped + "%", key);
    }

    /// <summary>Sets the command's parameters to <paramref name="values"/> (null becomes SQL NULL).</summary>
    public static void Bind(DbCommand command, IEnumerable<(string Name, object? Value)> values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    public static ActorMention ReadMention(DbDataReader reader)
    {
        var kind = Enum.Parse<ActorKind>(reader.GetString(5));
        var actor = reader.IsDBNull(3) ? null : new Actor(reader.GetString(3), reader.GetString(4), kind);
        return new ActorMention(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), actor, kind, reader.GetDouble(6), reader.GetString(7));
    }

    public static ReportedDevelopment ReadDevelopment(DbDataReader reader)
    {
        var actors = Deserialize<List<ActorRow>>(reader.GetString(3)).Select(a => new Actor(a.Id, a.Name, a.Kind)).ToList();
        var attribution = Deserialize<List<AttributionRow>>(reader.GetString(6))
            .Select(a => new AttributionLink(a.Kind, a.Source, a.Text, a.Start, a.Length)).ToList();
        var window = reader.IsDBNull(7)
            ? null
            : new TimeWindow(reader.GetFieldValue<DateOnly>(7), reader.GetFieldValue<DateOnly>(8));
        return new ReportedDevelopment(
            reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), actors, Deserialize<List<string>>(reader.GetString(4)),
            reader.GetDouble(5), attribution, window, reader.GetString(9), reader.GetFieldValue<DateOnly>(10));
    }

    /// <summary>Runs <paramref name="sql"/> with the @article parameter and maps every row.</summary>
    public static Task<IReadOnlyList<T>> ReadAsync<T>(
        DbConnection connection, string sql, (string Name, object Value) parameter, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        ReadAsync(connection, sql, [parameter], map, cancellationToken);

    /// <summary>Runs <paramref name="sql"/> with <paramref name="parameters"/> and maps every row.</summary>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(
        DbConnection connection, string sql, IEnumerable<(string Name, object? Value)> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static Hedge ReadHedge(DbDataReader reader)
    {
        var cues = Deserialize<List<CueRow>>(reader.GetString(2)).Select(c => new HedgeCue(c.Text, c.Start, c.Length, c.Kind, c.Probability)).ToList();
        return new Hedge(reader.GetInt32(0), reader.GetInt32(1), cues, reader.GetDouble(3));
    }

    public static StoredActorCandidate ReadCandidate(DbDataReader reader) => new(
        reader.GetString(0),
        Enum.Parse<ActorKind>(reader.GetString(1)),
        Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
        Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture));

    private static string NameKey(string name) =>
        string.Join(' ', name.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    /// <summary>One row per (name ignoring case, kind): the most frequent spelling and the summed count.</summary>
    private static IEnumerable<(string Key, ActorKind Kind, string Name, int Mentions)> CandidateKeys(IEnumerable<ActorMention> mentions) =>
        ActorCandidates.Aggregate(mentions)
            .GroupBy(c => (Key: NameKey(c.Name), c.Kind))
            .Select(g => (g.Key.Key, g.Key.Kind, g.First().Name, g.Sum(c => c.Mentions)));

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException("a stored analysis column holds JSON null");

    private sealed record CueRow(string Text, int Start, int Length, HedgeKind Kind, double Probability)
    {
        public static CueRow From(HedgeCue cue) => new(cue.Text, cue.Start, cue.Length, cue.Kind, cue.Probability);
    }

    private sealed record ActorRow(string Id, string Name, ActorKind Kind);

    private sealed record AttributionRow(AttributionKind Kind, string Source, string Text, int Start, int Length)
    {
        public static AttributionRow From(AttributionLink link) => new(link.Kind, link.Source, link.Text, link.Start, link.Length);
    }
}
