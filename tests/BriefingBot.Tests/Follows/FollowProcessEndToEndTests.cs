using System.Data.Common;
using System.Text.RegularExpressions;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Tests.Follows;

/// <summary>
/// The built bot as a user runs it: in the shell, <c>/follow Pyongyang</c> then an article about North Korea gives one
/// alert; against the fake Discord, a worker killed (SIGKILL) after storing an alert and while posting it, started
/// again, leaves exactly one message.
/// </summary>
public sealed partial class FollowProcessEndToEndTests : IAsyncLifetime
{
    private const string Channel = "222222222222222222";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
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
    public async Task Shell_FollowPyongyangThenAddAnArticleAboutNorthKorea_OneAlert()
    {
        var bot = NewProcess();
        bot.Environment["BriefingBot__Articles__IngestSamples"] = "false";
        bot.Environment["BriefingBot__Follow__CheckInterval"] = "00:00:01";
        var report = FollowHarness.NorthKoreaReport(1);
        var file = Path.Combine(bot.WorkingDirectory, "north-korea.txt");
        await File.WriteAllTextAsync(file, report.Title + "\n\n" + report.Text, Ct);
        var shell = bot.Start("shell");
        workers.Add(shell);

        await shell.SendLineAsync("/follow Pyongyang");
        await shell.WaitForOutputAsync(FollowingPattern(), Patience);
        await shell.SendLineAsync("/article add " + file);
        await shell.WaitForOutputAsync(AlertPattern(), Patience);
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // three more alert passes: nothing else may arrive
        await shell.SendLineAsync("/follow list");
        await shell.WaitForOutputAsync(ListPattern(), Patience);

        var output = shell.Output;
        Assert.Single(AlertPattern().Matches(output));
        Assert.Contains("-- direct message to operator --", output, StringComparison.Ordinal);
        Assert.Contains("North Korea troops report 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_KilledBetweenStoringTheAlertAndPostingIt_RestartPostsItOnce()
    {
        using var signer = new InteractionSigner();
        var bot = NewProcess();
        bot.Environment["BriefingBot__Discord__Token"] = DiscordBotHost.Token;
        bot.Environment["BriefingBot__Discord__ApplicationId"] = DiscordBotHost.ApplicationId;
        bot.Environment["BriefingBot__Discord__ApiBaseUrl"] = fake.ApiBase.ToString();
        bot.Environment["BriefingBot__Discord__Mode"] = "Http";
        bot.Environment["BriefingBot__Discord__PublicKey"] = signer.PublicKeyHex;
        bot.Environment["BriefingBot__Articles__IngestSamples"] = "false";
        bot.Environment["BriefingBot__Follow__CheckInterval"] = "00:00:01";
        bot.Environment["BriefingBot__Follow__SendLease"] = "00:00:05";

        // 1. A user follows Pyongyang in the channel, through the signed interactions endpoint.
        var first = Start(bot);
        var address = await first.WaitForListeningAddressAsync(Patience);
        using (var http = new HttpClient { BaseAddress = address })
        {
            using var follow = await http.SendAsync(
                signer.Request(InteractionJson.Command("follow", """[{"type":3,"name":"target","value":"Pyongyang"},{"type":3,"name":"where","value":"here"}]""")), Ct);
            Assert.True(follow.IsSuccessStatusCode);
            await WaitForAsync(async () => await CountAsync(bot, "SELECT count(*) FROM follows") == 1);
        }

        await Stop(first);

        // 2. An article about North Korea is stored while no worker runs; the next worker analyses it at start.
        var report = FollowHarness.NorthKoreaReport(7);
        var file = Path.Combine(bot.WorkingDirectory, "north-korea.txt");
        await File.WriteAllTextAsync(file, report.Title + "\n\n" + report.Text, Ct);
        var ingest = await bot.RunAsync(string.Empty, Ct, "ingest", file);
        Assert.Equal(0, ingest.ExitCode);

        // 3. The worker stores the alert, posts it, and is killed before Discord's answer arrives.
        fake.MessageDelay = TimeSpan.FromSeconds(30);
        var second = Start(bot);
        await fake.WaitForRequestAsync(IsAlertPost, Patience);
        Assert.Equal(1, await CountAsync(bot, "SELECT count(*) FROM follow_batches WHERE status = 'Sending' AND payload IS NOT NULL"));
        await Stop(second); // Process.Kill: SIGKILL

        // 4. Started again, it finds the unfinished batch and posts it with the same nonce: Discord keeps one message.
        fake.MessageDelay = TimeSpan.Zero;
        Start(bot);
        await WaitForAsync(async () => await CountAsync(bot, "SELECT count(*) FROM follow_batches WHERE status = 'Sent'") == 1);

        Assert.True(fake.Requests.Count(IsAlertPost) >= 2, "the unrecorded post is made again");
        var message = Assert.Single(fake.CreatedMessages);
        Assert.Equal(("f1.0", Channel), (message.Nonce, message.ChannelId));
        var content = System.Text.Json.JsonDocument.Parse(message.Body).RootElement.GetProperty("content").GetString();
        Assert.StartsWith("<@444444444444444444> 1 new story about North Korea:", content, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(bot, "SELECT count(*) FROM follow_batches"));
    }

    private static bool IsAlertPost(RecordedRequest request) =>
        request.Method == "POST" && request.Path == $"/api/v10/channels/{Channel}/messages" && request.Body.Contains("\"nonce\":\"f", StringComparison.Ordinal);

    private BotProcess NewProcess()
    {
        var process = new BotProcess();
        processes.Add(process);
        return process;
    }

    private RunningBot Start(BotProcess bot)
    {
        var worker = bot.Start("--urls", "http://127.0.0.1:0");
        workers.Add(worker);
        return worker;
    }

    private async Task Stop(RunningBot worker)
    {
        await worker.DisposeAsync();
        workers.Remove(worker);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (DbException)
            {
                // The worker has not created the tables yet.
            }

            await Task.Delay(200, Ct);
        }

        throw new TimeoutException("The condition did not hold in time.");
    }

    private static async Task<long> CountAsync(BotProcess bot, string sql)
    {
        if (!File.Exists(bot.DatabasePath))
        {
            return 0;
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bot.DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [GeneratedRegex(@"Following North Korea \(reached through the alias Pyongyang\)")]
    private static partial Regex FollowingPattern();

    [GeneratedRegex(@"1 new story about North Korea:")]
    private static partial Regex AlertPattern();

    [GeneratedRegex(@"Your follows:\s*#1 North Korea: alerts by direct message")]
    private static partial Regex ListPattern();
}
