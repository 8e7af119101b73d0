using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Polls;

/// <summary>The built bot in shell mode, as a new user types: create, vote, change the vote, close, resolve, stats, leaderboard.</summary>
public sealed class PollShellEndToEndTests
{
    [Fact]
    public async Task Shell_WholePollLifecycle_AnswersEachStep()
    {
        using var bot = new BotProcess();
        bot.Environment["BriefingBot__Articles__IngestSamples"] = "false";
        bot.Environment["BriefingBot__Polls__LeaderboardMinimum"] = "1";
        bot.Environment["BriefingBot__Polls__TimeZone"] = "Europe/Berlin";
        const string Input = """
            /poll create question:"Will the port reopen by Friday?" closes:"in 3 days" resolves:"in 10 days"
            /poll vote id:1 band:likely
            /poll vote id:1 probability:90
            /poll close id:1
            /poll vote id:1 probability:10
            /poll resolve id:1 outcome:yes
            /forecast stats
            /leaderboard
            /poll create question:"Will it?" closes:"whenever" resolves:2099-01-01

            """;

        var run = await bot.RunAsync(Input, TestContext.Current.CancellationToken, "shell");

        Assert.Equal(0, run.ExitCode);
        var output = run.Output;
        Assert.Contains("📊 Poll #1: Will the port reopen by Friday?", output, StringComparison.Ordinal);
        Assert.Contains("[Likely (55-80 %)]", output, StringComparison.Ordinal);
        Assert.Contains("(Europe/Berlin)", output, StringComparison.Ordinal);
        Assert.Contains("Your vote on poll #1: Likely (55-80 %), counted as 67.5 %.", output, StringComparison.Ordinal);
        Assert.Contains("Your vote on poll #1: Very likely (80-95 %), counted as 90 % (changed from 67.5 %).", output, StringComparison.Ordinal);
        Assert.Contains("📊 Poll #1 (closed)", output, StringComparison.Ordinal);
        Assert.Contains("Median: 90 %", output, StringComparison.Ordinal);
        Assert.Contains("Median band: Very likely (80-95 %)", output, StringComparison.Ordinal);
        Assert.Contains("(image poll-1.png:", output, StringComparison.Ordinal);
        Assert.Contains("This poll closed at", output, StringComparison.Ordinal);
        Assert.Contains("✅ Poll #1 resolved YES", output, StringComparison.Ordinal);
        Assert.Contains("90 % → Brier 0.010", output, StringComparison.Ordinal);
        Assert.Contains("Mean Brier: 0.010", output, StringComparison.Ordinal);
        Assert.Contains("(image calibration.png:", output, StringComparison.Ordinal);
        Assert.Contains("Brier 0.010 over 1", output, StringComparison.Ordinal);
        Assert.Contains("error: I cannot read closes:\"whenever\" as a time. Try \"in 7 days\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
    }
}
