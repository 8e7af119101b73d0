using BriefingBot.Hosting;

namespace BriefingBot.Tests.Hosting;

public sealed class BotCommandLineTests
{
    [Fact]
    public void Parse_NoArguments_Worker()
    {
        var line = BotCommandLine.Parse([]);

        Assert.Equal(BotMode.Worker, line.Mode);
    }

    [Fact]
    public void Parse_ConfigurationSwitchesOnly_WorkerWithSwitches()
    {
        var line = BotCommandLine.Parse(["--urls", "http://127.0.0.1:0"]);

        Assert.Equal(BotMode.Worker, line.Mode);
        Assert.Equal(["--urls", "http://127.0.0.1:0"], line.ConfigurationArgs);
    }

    [Fact]
    public void Parse_IngestWithPathsAndSwitches_SeparatesThem()
    {
        var line = BotCommandLine.Parse(["ingest", "a.txt", "--Storage:SqlitePath", "x.db", "https://example.com/feed", "--urls=http://x"]);

        Assert.Equal(BotMode.Ingest, line.Mode);
        Assert.Equal(["a.txt", "https://example.com/feed"], line.Arguments);
        Assert.Equal(["--Storage:SqlitePath", "x.db", "--urls=http://x"], line.ConfigurationArgs);
    }

    [Fact]
    public void Parse_UnknownVerb_ThrowsStartupErrorListingVerbs()
    {
        var error = Assert.Throws<BotStartupException>(() => BotCommandLine.Parse(["serve"]));

        Assert.Contains("shell", error.Message, StringComparison.Ordinal);
    }
}
