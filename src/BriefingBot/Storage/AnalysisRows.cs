using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
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
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(
        DbConnection connection, string sql, (string Name, object Value) parameter, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, [parameter]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException("a stored analysis column holds JSON null");

    private sealed record ActorRow(string Id, string Name, ActorKind Kind);

    private sealed record AttributionRow(AttributionKind Kind, string Source, string Text, int Start, int Length)
    {
        public static AttributionRow From(AttributionLink link) => new(link.Kind, link.Source, link.Text, link.Start, link.Length);
    }
}
