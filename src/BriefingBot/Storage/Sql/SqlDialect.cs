namespace BriefingBot.Storage.Sql;

/// <summary>
/// The little that differs between SQLite and PostgreSQL for the stores written once against <see cref="ISqlDatabase"/>.
/// Parameters are <c>@name</c> on both (Dapper binds them); times are converted by <see cref="DbTime"/>.
/// </summary>
public sealed record SqlDialect(string Greatest, string ForUpdate)
{
    /// <summary>SQLite: the scalar max(); one writer at a time, so no row locks.</summary>
    public static SqlDialect Sqlite { get; } = new("max", string.Empty);

    /// <summary>PostgreSQL: greatest(); rows read to be rewritten are locked.</summary>
    public static SqlDialect Postgres { get; } = new("greatest", " FOR UPDATE");
}
