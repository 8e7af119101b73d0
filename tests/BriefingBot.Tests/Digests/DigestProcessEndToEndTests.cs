using System.Data.Common;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BriefingBot.Tests.Digests;

/// <summary>
/// The issue's "Must show" for delivery, with the built worker against the fake Discord: a digest configured with a
/// seconds field in its cron posts exactly once per fire; killing the worker mid-post and starting it again still
/// gives one message; two clustered workers on one PostgreSQL post once per fire between them.
/// </summary>
public sealed class DigestProcessEndToEndTests(PostgresTestDatabase postgres) : IAsyncLifetime, IClassFixture<PostgresTestDatabase>
{
    private const string Channel = "555000111";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly List<BotProcess> processes = [];
    private readonly List<RunningBot> workers = [];
    private FakeDiscord fake = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => fake = await FakeDiscord.StartAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }

        await fake.DisposeAsync();
        processes.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task Worker_DigestEveryTenSeconds_PostsExactlyOncePerFire()
    {
        var bot = Configure(NewProcess(), "0/10 * * * * ?");
        workers.Add(bot.Start("--urls", "http://127.0.0.1:0"));

        var runs = await WaitForSentRunsAsync(() => SqliteRunsAsync(bot), 3);

        AssertOnePostPerRun(runs, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Worker_KilledWhilePosting_RestartPostsTheDigestOnce()
    {
        var bot = Configure(NewProcess(), "0/30 * * * * ?");
        fake.MessageDelay = TimeSpan.FromSeconds(30);
        var first = bot.Start("--urls", "http://127.0.0.1:0");
        workers.Add(first);
        var post = await fake.WaitForRequestAsync(r => IsDigestPost(r), Patience);
        var nonce = post.Json.GetProperty("nonce").GetString()!;

        await first.DisposeAsync(); // Process.Kill: SIGKILL, the post's answer never arrives
        workers.Remove(first);
        fake.MessageDelay = TimeSpan.Zero;
        workers.Add(bot.Start("--urls", "http://127.0.0.1:0"));
        var runs = await WaitForSentRunsAsync(() => SqliteRunsAsync(bot), 1);

        Assert.True(fake.Requests.Count(r => IsDigestPost(r) && r.Json.GetProperty("nonce").GetString() == nonce) >= 2, "the unrecorded part is posted again");
        Assert.Single(fake.CreatedMessages, m => m.Nonce == nonce);
        Assert.All(runs, run => Assert.Single(fake.CreatedMessages, m => m.Nonce is { } n && n.StartsWith($"d{run.Id}p0.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TwoClusteredWorkers_OnePostgres_PostOncePerFire()
    {
        var connectionString = postgres.ConnectionString;
        for (var i = 0; i < 2; i++)
        {
            var bot = Configure(NewProcess(), "0/5 * * * * ?");
            bot.Environment["BriefingBot__Storage__Provider"] = "Postgres";
            bot.Environment["BriefingBot__Storage__ConnectionString"] = connectionString;
            bot.Environment["BriefingBot__Scheduler__Clustered"] = "true";
            bot.Environment["BriefingBot__Scheduler__CheckinInterval"] = "00:00:02";
            workers.Add(bot.Start("--urls", "http://127.0.0.1:0"));
        }

        var runs = await WaitForSentRunsAsync(() => PostgresRunsAsync(connectionString), 6);

        AssertOnePostPerRun(runs, TimeSpan.FromSeconds(5));
        Assert.Equal(2, await ClusterNodesAsync(connectionString));
    }

    /// <summary>Nodes that check in to the cluster: each clustered worker records itself in qrtz_scheduler_state.</summary>
    private static async Task<long> ClusterNodesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private BotProcess NewProcess()
    {
        var process = new BotProcess();
        processes.Add(process);
        return process;
    }

    private BotProcess Configure(BotProcess bot, string schedule)
    {
        bot.Environment["BriefingBot__Discord__Token"] = DiscordBotHost.Token;
        bot.Environment["BriefingBot__Discord__ApplicationId"] = DiscordBotHost.ApplicationId;
        bot.Environment["BriefingBot__Discord__ApiBaseUrl"] = fake.ApiBase.ToString();
        bot.Environment["BriefingBot__Digests__0__Platform"] = "discord";
        bot.Environment["BriefingBot__Digests__0__Channel"] = Channel;
        bot.Environment["BriefingBot__Digests__0__Schedule"] = schedule;
        bot.Environment["BriefingBot__Digests__0__TimeZone"] = "Europe/London";
        return bot;
    }

    /// <summary>Every sent run has exactly one request carrying its nonce (nobody posted it twice), and fires are consecutive.</summary>
    private void AssertOnePostPerRun(IReadOnlyList<Run> runs, TimeSpan period)
    {
        var posts = fake.Requests.Where(IsDigestPost).Select(r => r.Json.GetProperty("nonce").GetString()!).ToList();
        foreach (var run in runs)
        {
            Assert.Single(posts, n => n.StartsWith($"d{run.Id}p0.", StringComparison.Ordinal));
        }

        Assert.Equal(posts.Count, posts.Distinct(StringComparer.Ordinal).Count());
        var fires = runs.Select(r => r.FireTime).Order().ToList();
        Assert.All(fires.Zip(fires.Skip(1)), pair => Assert.Equal(period, pair.Second - pair.First));
    }

    private static bool IsDigestPost(RecordedRequest request) =>
        request.Method == "POST" && request.Path == $"/api/v10/channels/{Channel}/messages" && request.Body.Contains("\"nonce\"", StringComparison.Ordinal);

    private static async Task<IReadOnlyList<Run>> WaitForSentRunsAsync(Func<Task<IReadOnlyList<Run>>> read, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        IReadOnlyList<Run> runs = [];
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                runs = await read();
            }
            catch (DbException)
            {
                // The worker has not created the tables yet.
            }

            var sent = runs.Where(r => r.Status == "Sent").ToList();
            if (sent.Count >= count)
            {
                return sent;
            }

            await Task.Delay(250, Ct);
        }

        throw new TimeoutException($"Only {runs.Count(r => r.Status == "Sent")} digest runs were sent: {string.Join(", ", runs)}");
    }

    private static async Task<IReadOnlyList<Run>> SqliteRunsAsync(BotProcess bot)
    {
        if (!File.Exists(bot.DatabasePath))
        {
            return [];
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bot.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, fire_time, status FROM digest_runs ORDER BY fire_time";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var runs = new List<Run>();
        while (await reader.ReadAsync(Ct))
        {
            runs.Add(new Run(reader.GetInt64(0), DateTimeOffset.UnixEpoch.AddTicks(reader.GetInt64(1) * 10), reader.GetString(2)));
        }

        return runs;
    }

    private static async Task<IReadOnlyList<Run>> PostgresRunsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT id, fire_time, status FROM digest_runs ORDER BY fire_time", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var runs = new List<Run>();
        while (await reader.ReadAsync(Ct))
        {
            runs.Add(new Run(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2)));
        }

        return runs;
    }

    private sealed record Run(long Id, DateTimeOffset FireTime, string Status);
}
