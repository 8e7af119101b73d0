using BriefingBot.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BriefingBot.Tests.Storage;

/// <summary>The follow contract against a real PostgreSQL database created for this class; tables are emptied before each test.</summary>
public sealed class PostgresFollowStoreTests(PostgresTestDatabase database) : FollowStoreContract, IClassFixture<PostgresTestDatabase>
{
    protected override async Task<StorageHarness> OpenAsync()
    {
        var harness = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Postgres", ["ConnectionString"] = database.ConnectionString }, Ct);
        await using var connection = await harness.Services.GetRequiredService<PostgresDatabase>().OpenAsync(Ct);
        await using var truncate = new NpgsqlCommand("TRUNCATE follows RESTART IDENTITY CASCADE", connection);
        await truncate.ExecuteNonQueryAsync(Ct);
        return harness;
    }
}
