using BriefingBot.Hosting;
using Microsoft.AspNetCore.Builder;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Hosting;

/// <summary>The built executable, run as the README tells a new user to run it.</summary>
public sealed class ProgramEndToEndTests : IDisposable
{
    private readonly BotProcess bot = new();

    [Fact]
    public async Task Shell_PipedSearch_ListsMatchingSampleArticlesWithTitleSourceAndSnippet()
    {
        var run = await bot.RunAsync("/article search Pyongyang\n", TestContext.Current.CancellationToken, "shell");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("matching \"Pyongyang\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("== #", run.Output, StringComparison.Ordinal);
        Assert.Contains("Source: ", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Also in: (Reuters|Associated Press) \(#\d+\)", run.Output);
        Assert.Contains("**Pyongyang", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(bot.DatabasePath));
    }

    [Fact]
    public async Task Shell_HelpThenUnknownCommand_ListsCommandsAndKeepsGoing()
    {
        var run = await bot.RunAsync("/help\n/frobnicate\n/article list\n", TestContext.Current.CancellationToken, "shell");

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var usage in new[] { "/article add <source>", "/article list [page]", "/article search <query>", "/article show <id>", "/help [command]" })
        {
            Assert.Contains(usage, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("error: Unknown command /frobnicate", run.Output, StringComparison.Ordinal);
        Assert.Contains("Articles, page 1 of", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_NoPlatformConfigured_OpensTheShellAndEndsWithItsInput()
    {
        var run = await bot.RunAsync("/article show 1\n", TestContext.Current.CancellationToken, "--urls", "http://127.0.0.1:0");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Article #1", run.Output, StringComparison.Ordinal);
        Assert.Contains("  Actors: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("== Reported developments ==", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SameFoldersTwice_SecondRunStoresNothingNew()
    {
        var first = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "ingest", SharedFolder.Corpus);
        var second = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "ingest", SharedFolder.Corpus);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal("ingested 1, duplicates 0, failed 0", first.Output.Trim());
        Assert.Equal("ingested 0, duplicates 1, failed 0", second.Output.Trim());
    }

    [Fact]
    public async Task Ingest_Reanalyze_AnalysesEveryStoredArticleAndPrintsTheCount()
    {
        await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "ingest", SharedFolder.Corpus);

        var run = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "ingest", "--reanalyze");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("re-analysed 1, failed 0", run.Output.Trim());
    }

    [Fact]
    public async Task Ingest_MissingPath_FailsThatSourceWithItsName()
    {
        var missing = Path.Combine(bot.WorkingDirectory, "nope.txt");

        var run = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "ingest", missing, SharedFolder.Corpus);

        Assert.Equal("ingested 1, duplicates 0, failed 1", run.Output.Trim());
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BriefingBot__Storage__Provider", "Postgres", "Storage:ConnectionString")]
    [InlineData("BriefingBot__Storage__Provider", "Mongo", "Storage:Provider")]
    public async Task Start_BadConfiguration_OneLineNamingTheKey(string variable, string value, string key)
    {
        bot.Environment[variable] = value;

        var run = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "shell");

        Assert.Equal(StartupGuard.ConfigurationErrorExitCode, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_WorkerAnswersOrNot_ExitCodeSaysSo()
    {
        await using var alive = WebApplication.CreateSlimBuilder().Build();
        alive.Urls.Add("http://127.0.0.1:0");
        alive.MapGet("/healthz", () => "{\"status\":\"alive\"}");
        await alive.StartAsync(TestContext.Current.CancellationToken);
        var url = alive.Urls.Single();

        var healthy = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "healthcheck", "--urls", url.Replace("127.0.0.1", "+", StringComparison.Ordinal));
        await alive.StopAsync(TestContext.Current.CancellationToken);
        var unhealthy = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "healthcheck", "--urls", url);

        Assert.True(healthy.ExitCode == 0, healthy.Error);
        Assert.Contains("alive", healthy.Output, StringComparison.Ordinal);
        Assert.Equal(1, unhealthy.ExitCode);
        Assert.Contains("unhealthy", unhealthy.Error, StringComparison.Ordinal);
    }

    public void Dispose() => bot.Dispose();
}
