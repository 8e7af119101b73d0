using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using BriefingBot.Storage.Migrations;

namespace BriefingBot.Tests.Storage;

public sealed class PostgresStartupTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_NothingListening_ThrowsStartupErrorWithoutPassword()
    {
        const string password = "Sup3r-Secret-Pa55";
        await using var services = StorageHarness.BuildServices(
            Settings($"Host=127.0.0.1;Port=1;Database=briefing;Username=bot;Password={password};Timeout=5"), out _);

        var error = await Assert.ThrowsAsync<BotStartupException>(() => services.GetRequiredService<IStorageMigrator>().MigrateAsync(Ct));

        Assert.StartsWith("cannot connect to PostgreSQL (Storage:ConnectionString) at 127.0.0.1:1/briefing: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_DatabaseMissing_ThrowsStartupErrorNamingDatabase()
    {
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "briefingbot_no_such_db" }.ToString();
        await using var services = StorageHarness.BuildServices(Settings(connectionString), out _);

        var error = await Assert.ThrowsAsync<BotStartupException>(() => services.GetRequiredService<IStorageMigrator>().MigrateAsync(Ct));

        Assert.StartsWith("cannot connect to PostgreSQL (Storage:ConnectionString) at ", error.Message, StringComparison.Ordinal);
        Assert.Contains("/briefingbot_no_such_db: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_TwoWorkersStartingTogether_ApplyEachMigrationOnce()
    {
        var connectionString = await database.CreateExtraDatabaseAsync("race", Ct);
        await using var first = StorageHarness.BuildServices(Settings(connectionString), out _);
        await using var second = StorageHarness.BuildServices(Settings(connectionString), out _);

        var applied = await Task.WhenAll(
            Task.Run(() => first.GetRequiredService<IStorageMigrator>().MigrateAsync(Ct), Ct),
            Task.Run(() => second.GetRequiredService<IStorageMigrator>().MigrateAsync(Ct), Ct));

        Assert.Equal(PostgresMigrationCount, applied.Sum());
        Assert.Contains(0, applied);
    }

    private static readonly int PostgresMigrationCount = BriefingBot.Storage.Migrations.PostgresMigrations.All.Count;

    private static Dictionary<string, string?> Settings(string connectionString) =>
        new() { ["Provider"] = "Postgres", ["ConnectionString"] = connectionString };
}
