using System.Data.Common;

namespace BriefingBot.Storage.Sqlite;

/// <summary>The web view's tables in SQLite; writes queue on the one writer connection.</summary>
public sealed class SqliteWebStore(SqliteDatabase database) : WebStoreBase
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    protected override Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => work(connection, transaction), cancellationToken);

    protected override object Time(DateTimeOffset value) => SqliteTime.ToMicroseconds(value);

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => SqliteTime.FromMicroseconds(reader.GetInt64(ordinal));
}
