using System.Data.Common;
using System.Text.Json;
using BriefingBot.Storage.Sqlite;

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
/// <param name="Time">A time as a hand-bound parameter value (Dapper parameters go through <see cref="DbTime"/>).</param>
/// <param name="ReadTime">A time column read by hand.</param>
/// <param name="ForShare">Appended to a SELECT whose rows must not change until the transaction ends: nothing on SQLite.</param>
/// <param name="TransactionLock">A statement taking a lock on @key until the transaction ends; SQLite's one writer needs none.</param>
public sealed record SqlDialect(
    string Greatest,
    string ForUpdate,
    string Like,
    Func<string, string> ListRows,
    Func<IEnumerable<long>, object> Longs,
    Func<IEnumerable<string>, object> Texts,
    Func<DateTimeOffset, object> Time,
    Func<DbDataReader, int, DateTimeOffset> ReadTime,
    string ForShare,
    string? TransactionLock)
{
    public static SqlDialect Sqlite { get; } = new(
        "max", string.Empty, "LIKE",
        parameter => $"(SELECT value FROM json_each({parameter}))",
        ids => JsonSerializer.Serialize(ids.ToArray(), SqlJson.Default.Int64Array),
        texts => JsonSerializer.Serialize(texts.ToArray(), SqlJson.Default.StringArray),
        time => SqliteTime.ToMicroseconds(time),
        (reader, ordinal) => SqliteTime.FromMicroseconds(reader.GetInt64(ordinal)),
        string.Empty,
        null);

    public static SqlDialect Postgres { get; } = new(
        "greatest", " FOR UPDATE", "ILIKE",
        parameter => $"(SELECT unnest({parameter}) AS value)",
        ids => ids.ToArray(),
        texts => texts.ToArray(),
        time => time.ToUniversalTime(),
        (reader, ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal),
        " FOR SHARE",
        "SELECT pg_advisory_xact_lock(@key)");

    /// <summary>"IN (the list)" for a list parameter.</summary>
    public string InList(string parameter) => $"IN {ListRows(parameter)}";
}

[System.Text.Json.Serialization.JsonSerializable(typeof(long[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class SqlJson : System.Text.Json.Serialization.JsonSerializerContext;
