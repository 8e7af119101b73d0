namespace BriefingBot.Storage.Sqlite;

/// <summary>Times are stored as UTC microseconds since the epoch: sortable integers, same precision as PostgreSQL.</summary>
internal static class SqliteTime
{
    public static long ToMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static object ToDb(DateTimeOffset? value) => value is { } v ? ToMicroseconds(v) : DBNull.Value;

    public static DateTimeOffset FromMicroseconds(long value) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (value * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
}
