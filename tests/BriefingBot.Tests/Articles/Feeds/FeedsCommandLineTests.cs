using BriefingBot.Hosting;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles.Feeds;

/// <summary>The operator's OPML verbs, run as the built executable: <c>feeds import &lt;file&gt;</c> and <c>feeds export</c>.</summary>
public sealed class FeedsCommandLineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Parse_FeedsImport_IsTheFeedsVerbWithItsArguments()
    {
        var line = BotCommandLine.Parse(["feeds", "import", "subs.opml", "--Storage:Provider", "Sqlite"]);

        Assert.Equal(BotMode.Feeds, line.Mode);
        Assert.Equal(["import", "subs.opml"], line.Arguments);
    }

    [Fact]
    public async Task FeedsImportThenExport_OperatorFeeds_RoundTripAsOpml()
    {
        using var bot = new BotProcess();
        bot.Environment["BriefingBot__Articles__IngestSamples"] = "false";
        var file = Path.Combine(bot.WorkingDirectory, "subs.opml");
        await File.WriteAllTextAsync(file, """
            <?xml version="1.0" encoding="utf-8"?>
            <opml version="1.0"><head><title>Mine</title></head><body>
              <outline text="World"><outline text="Wire One" type="rss" xmlUrl="https://one.example.com/rss"/></outline>
              <outline title="Wire Two" xmlUrl="https://two.example.com/atom.xml"/>
              <outline text="No feed here" htmlUrl="https://three.example.com/"/>
            </body></opml>
            """, Ct);

        var import = await bot.RunAsync("", Ct, "feeds", "import", file);
        var again = await bot.RunAsync("", Ct, "feeds", "import", file);
        var export = await bot.RunAsync("", Ct, "feeds", "export");
        var usage = await bot.RunAsync("", Ct, "feeds");
        var missing = await bot.RunAsync("", Ct, "feeds", "import", Path.Combine(bot.WorkingDirectory, "nope.opml"));

        Assert.Equal((0, "2 outlines: added 2, already subscribed 0, not a feed URL 0"), (import.ExitCode, import.Output.Trim()));
        Assert.Equal("2 outlines: added 0, already subscribed 2, not a feed URL 0", again.Output.Trim());
        Assert.Equal(0, export.ExitCode);
        Assert.Contains("""<outline type="rss" text="Wire One" title="Wire One" xmlUrl="https://one.example.com/rss" />""", export.Output, StringComparison.Ordinal);
        Assert.Contains("xmlUrl=\"https://two.example.com/atom.xml\"", export.Output, StringComparison.Ordinal);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("usage: feeds import <file.opml> | feeds export", usage.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope.opml", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", import.Error + export.Error + missing.Error, StringComparison.Ordinal);
    }
}
