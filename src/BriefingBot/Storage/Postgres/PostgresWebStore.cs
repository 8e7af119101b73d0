using System.Data.Common;

namespace BriefingBot.Storage.Postgres;

/// <summary>The web view's tables in PostgreSQL.</summary>
public sealed class PostgresWebStore(PostgresDatabase database) : WebStoreBase
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await database.OpenAsync(cancellationToken);

    protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, T> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    protected override object Time(DateTimeOffset value) => value.ToUniversalTime();

    protected override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);
}
