using System.Data;
using BriefingBot.Storage.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sql;

/// <summary>
/// Dapper's conversion of <see cref="DateTimeOffset"/>: SQLite stores UTC microseconds (<see cref="SqliteTime"/>),
/// PostgreSQL timestamptz, which takes only UTC offsets.
/// </summary>
internal sealed class DbTime : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static readonly Lock Gate = new();
    private static bool registered;

    /// <summary>Installs the handler and column-name matching once per process (Dapper's settings are global).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            // Dapper maps DateTimeOffset itself and skips SetValue unless the built-in mapping is removed first.
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
            SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
            SqlMapper.AddTypeHandler(new DbTime());
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            registered = true;
        }
    }

    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
    {
        if (parameter is SqliteParameter)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = SqliteTime.ToMicroseconds(value);
        }
        else
        {
            parameter.DbType = DbType.DateTimeOffset;
            parameter.Value = value.ToUniversalTime();
        }
    }

    public override DateTimeOffset Parse(object value) => value switch
    {
        long micros => SqliteTime.FromMicroseconds(micros),
        DateTimeOffset offset => offset,
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"not a stored time: {value.GetType().Name}"),
    };
}
