using BriefingBot.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace BriefingBot.Tests.Storage;

/// <summary>The actor store contract against a real PostgreSQL database created for this class; tables are emptied before each test.</summary>
public sealed class PostgresActorStoreTests(PostgresTestDatabase database) : ActorStoreContract, IClassFixture<PostgresTestDatabase>
{
    protected override async Task<StorageHarness> OpenAsync()
    {
        var harness = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Postgres", ["ConnectionString"] = database.ConnectionString }, Ct);
        await using var connection = await harness.Services.GetRequiredService<PostgresDatabase>().OpenAsync(Ct);
        await using var truncate = new NpgsqlCommand(
            "TRUNCATE articles, stories, meta, actor_aliases, actor_articles, actor_days, actor_pairs, story_index, story_term_counts, story_merges, card_versions RESTART IDENTITY CASCADE", connection);
        await truncate.ExecuteNonQueryAsync(Ct);
        return harness;
    }
}
