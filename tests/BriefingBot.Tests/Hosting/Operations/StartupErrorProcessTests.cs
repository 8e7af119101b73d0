using BriefingBot.Hosting;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Hosting.Operations;

/// <summary>
/// Start-up errors as a user meets them: the built worker, configured by environment variables, exits non-zero with
/// one line that names the platform or the store and what to change.
/// </summary>
public sealed class StartupErrorProcessTests : IDisposable
{
    private readonly BotProcess bot = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Worker_DiscordAnswers401_ExitsNamingDiscordAndTheTokenVariable()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.RejectToken = true;
        bot.Environment["BriefingBot__Discord__Token"] = DiscordBotHost.Token;
        bot.Environment["BriefingBot__Discord__ApplicationId"] = DiscordBotHost.ApplicationId;
        bot.Environment["BriefingBot__Discord__ApiBaseUrl"] = discord.ApiBase.ToString();

        var run = await bot.RunAsync("", Ct, "--urls", "http://127.0.0.1:0");

        Assert.Equal(StartupGuard.ConfigurationErrorExitCode, run.ExitCode);
        Assert.Contains("briefingbot: Discord rejected the bot token (401 Unauthorized): check BriefingBot__Discord__Token", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordBotHost.Token, run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_SlackRejectsTheAppToken_ExitsNamingSlackAndTheAppTokenVariable()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        const string WrongAppToken = "xapp-1-wrong-but-still-secret-7731";
        bot.Environment["BriefingBot__Slack__BotToken"] = FakeSlack.BotToken;
        bot.Environment["BriefingBot__Slack__AppToken"] = WrongAppToken;
        bot.Environment["BriefingBot__Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri;

        var run = await bot.RunAsync("", Ct, "--urls", "http://127.0.0.1:0");

        Assert.Equal(StartupGuard.ConfigurationErrorExitCode, run.ExitCode);
        Assert.Contains("briefingbot: Slack rejected the app-level token (invalid_auth): check BriefingBot__Slack__AppToken", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongAppToken, run.Error + run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_PortAlreadyInUse_ExitsNamingTheAddressInsteadOfAborting()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var taken = $"http://127.0.0.1:{((System.Net.IPEndPoint)holder.LocalEndpoint).Port}";

        var run = await bot.RunAsync("", Ct, "--urls", taken);

        Assert.Equal(StartupGuard.ConfigurationErrorExitCode, run.ExitCode);
        Assert.Contains($"briefingbot: Failed to bind to address {taken}", run.Error, StringComparison.Ordinal);
        Assert.Contains("set Urls (or --urls) to a free address", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_SqliteFolderCannotBeCreated_ExitsNamingThePathAndWhy()
    {
        var blocker = Path.Combine(bot.WorkingDirectory, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be", Ct);
        bot.Environment["BriefingBot__Storage__SqlitePath"] = Path.Combine(blocker, "bot.db");

        var run = await bot.RunAsync("", Ct, "--urls", "http://127.0.0.1:0");

        Assert.Equal(StartupGuard.ConfigurationErrorExitCode, run.ExitCode);
        Assert.Contains($"briefingbot: cannot create the folder for the SQLite database (Storage:SqlitePath) at {blocker}: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal); // one line, no stack trace
    }

    [Fact]
    public async Task Worker_PostgresRefusesConnection_ExitsNamingHostDatabaseAndWhyWithoutThePassword()
    {
        const string Password = "pg-password-never-printed-5150";
        bot.Environment["BriefingBot__Storage__Provider"] = "Postgres";
        bot.Environment["BriefingBot__Storage__ConnectionString"] = $"Host=127.0.0.1;Port=1;Username=bot;Password={Password};Database=briefing;Timeout=5";

        var run = await bot.RunAsync("", Ct, "--urls", "http://127.0.0.1:0");

        Assert.Equal(StartupGuard.ConfigurationErrorExitCode, run.ExitCode);
        Assert.Contains("briefingbot: cannot connect to PostgreSQL (Storage:ConnectionString) at 127.0.0.1:1/briefing: ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Error + run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => bot.Dispose();
}
