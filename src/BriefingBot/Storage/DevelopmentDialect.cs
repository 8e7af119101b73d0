using System.Data.Common;
using System.Text.Json;
using BriefingBot.Storage.Sqlite;

namespace BriefingBot.Storage;

/// <summary>
/// What differs between SQLite and PostgreSQL for the development tables: how a list parameter is matched and how
/// times are stored. Everything else (SQL, merging, mapping) is shared by <see cref="DevelopmentGroups"/>.
/// </summary>
internal sealed record DevelopmentDialect(
    Func<string, string> InList,
    Func<IEnumerable<long>, object> LongList,
    Func<IEnumerable<string>, object> TextList,
    Func<DateTimeOffset, object> Time,
    Func<DbDataReader, int, DateTimeOffset> ReadTime)
{
    /// <summary>SQLite: a JSON array parameter expanded with json_each; times as UTC microseconds.</summary>
    public static DevelopmentDialect Sqlite { get; } = new(
        parameter => $"IN (SELECT value FROM json_each({parameter}))",
        ids => JsonSerializer.Serialize(ids.ToArray()),
        texts => JsonSerializer.Serialize(texts.ToArray()),
        time => SqliteTime.ToMicroseconds(time),
        (reader, ordinal) => SqliteTime.FromMicroseconds(reader.GetInt64(ordinal)));

    /// <summary>PostgreSQL: array parameters with = ANY; timestamptz.</summary>
    public static DevelopmentDialect Postgres { get; } = new(
        parameter => $"= ANY({parameter})",
        ids => ids.ToArray(),
        texts => texts.ToArray(),
        time => time,
        (reader, ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal));
}
