using Npgsql;

namespace BriefingBot.Tests.Storage;

/// <summary>
/// A throwaway database (random name) on the server named by BRIEFINGBOT_TEST_POSTGRES, dropped afterwards.
/// Without that variable the tests skip locally and fail on CI (CI=true), so a green CI run always means PostgreSQL ran.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    public const string Variable = "BRIEFINGBOT_TEST_POSTGRES";

    private static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable(Variable);
    private readonly string name = "briefingbot_test_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The test database's connection string; skips or fails the calling test when no server is configured.</summary>
    public string ConnectionString
    {
        get
        {
            RequireServer();
            // Tests run in parallel, each with its own pool: a small cap keeps the sum under the server's max_connections.
            return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, MaxPoolSize = 10 }.ToString();
        }
    }

    public static void RequireServer()
    {
        if (!string.IsNullOrWhiteSpace(ServerConnectionString))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"PostgreSQL contract tests cannot run on CI: set {Variable} (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");
        }

        Assert.Skip($"PostgreSQL contract tests SKIPPED: set {Variable} (e.g. Host=127.0.0.1;Port=55433;Username=postgres;Database=postgres) to run them.");
    }

    /// <summary>Creates another empty database on the same server; dropped with this one.</summary>
    public async Task<string> CreateExtraDatabaseAsync(string suffix, CancellationToken cancellationToken)
    {
        RequireServer();
        var extra = name + "_" + suffix;
        extras.Add(extra);
        await ExecuteOnServerAsync($"CREATE DATABASE {extra}", cancellationToken);
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = extra, MaxPoolSize = 10 }.ToString();
    }

    private readonly List<string> extras = [];

    public async ValueTask InitializeAsync()
    {
        if (!string.IsNullOrWhiteSpace(ServerConnectionString))
        {
            await ExecuteOnServerAsync($"CREATE DATABASE {name}", CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (string.IsNullOrWhiteSpace(ServerConnectionString))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        foreach (var database in extras.Append(name))
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
