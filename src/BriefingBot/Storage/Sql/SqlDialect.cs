using System.Text.Json;

namespace BriefingBot.Storage.Sql;

/// <summary>
/// The little that differs between SQLite and PostgreSQL for the stores written once against <see cref="ISqlDatabase"/>.
/// Parameters are <c>@name</c> on both (Dapper binds them); times are converted by <see cref="DbTime"/>.
/// </summary>
/// <param name="Greatest">The two-argument maximum: SQLite's scalar max(), PostgreSQL's greatest().</param>
/// <param name="ForUpdate">Appended to a SELECT whose rows the transaction rewrites: SQLite has one writer, so nothing.</param>
/// <param name="Like">Case-insensitive LIKE: SQLite's LIKE already is for ASCII, PostgreSQL needs ILIKE.</param>
/// <param name="ListRows">A subquery of one column, <c>value</c>, from a list parameter (see <see cref="Longs"/>, <see cref="Texts"/>).</param>
/// <param name="Longs">A list of ids as one parameter value: a JSON array for SQLite's json_each, an array for PostgreSQL.</param>
/// <param name="Texts">A list of strings as one parameter value, as <see cref="Longs"/>.</param>
public sealed record SqlDialect(
    string Greatest,
    string ForUpdate,
    string Like,
    Func<string, string> ListRows,
    Func<IEnumerable<long>, object> Longs,
    Func<IEnumerable<string>, object> Texts)
{
    public static SqlDialect Sqlite { get; } = new(
        "max", string.Empty, "LIKE",
        parameter => $"(SELECT value FROM json_each({parameter}))",
        ids => JsonSerializer.Serialize(ids.ToArray(), SqlJson.Default.Int64Array),
        texts => JsonSerializer.Serialize(texts.ToArray(), SqlJson.Default.StringArray));

    public static SqlDialect Postgres { get; } = new(
        "greatest", " FOR UPDATE", "ILIKE",
        parameter => $"(SELECT unnest({parameter}) AS value)",
        ids => ids.ToArray(),
        texts => texts.ToArray());

    /// <summary>"IN (the list)" for a list parameter.</summary>
    public string InList(string parameter) => $"IN {ListRows(parameter)}";
}

[System.Text.Json.Serialization.JsonSerializable(typeof(long[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class SqlJson : System.Text.Json.Serialization.JsonSerializerContext;
