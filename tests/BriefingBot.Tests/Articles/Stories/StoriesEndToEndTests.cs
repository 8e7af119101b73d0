using System.Text.RegularExpressions;
using BriefingBot.Tests.TestDoubles;
using static BriefingBot.Tests.Articles.Stories.StoryReports;

namespace BriefingBot.Tests.Articles.Stories;

/// <summary>
/// Tried as a new user would, through the built executable: the samples plus three differently worded reports of one
/// event, then <c>/digest now</c> and <c>/article search</c> in the shell.
/// </summary>
public sealed partial class StoriesEndToEndTests : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "config", "samples");
    private static readonly DateTimeOffset Landfall = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
    private readonly BotProcess bot = new();

    [Fact]
    public async Task Shell_ThreeOutletsReportOneCyclone_DigestHasOneItemWithThreeSourcesAndSearchOneStory()
    {
        var reports = Path.Combine(bot.WorkingDirectory, "reports");
        Directory.CreateDirectory(reports);
        File.WriteAllText(Path.Combine(reports, "reuters.txt"), StoryReports.FileText(CycloneReuters, Landfall));
        File.WriteAllText(Path.Combine(reports, "ap.txt"), StoryReports.FileText(CycloneAp, Landfall.AddHours(2)));
        File.WriteAllText(Path.Combine(reports, "bbc.txt"), StoryReports.FileText(CycloneBbc, Landfall.AddHours(4)));

        var ingest = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "ingest", Samples, reports, "--json");
        var shell = await bot.RunAsync("/digest now\n/article search Cyclone Mara Beira\n", TestContext.Current.CancellationToken, "shell", "--urls", "http://127.0.0.1:0");

        Assert.True(ingest.ExitCode == 0, ingest.Error);
        var cycloneStories = ingest.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains("reports", StringComparison.Ordinal))
            .Select(l => StoryId().Match(l).Groups[1].Value)
            .ToList();
        Assert.Equal(3, cycloneStories.Count);
        Assert.Single(cycloneStories.Distinct());

        Assert.True(shell.ExitCode == 0, shell.Error);
        // The shell prints the search answer and the digest (posted in the background) in either order.
        var output = shell.Output;
        var search = output.IndexOf("matching \"Cyclone Mara Beira\"", StringComparison.Ordinal);
        var digestStart = output.IndexOf("Digest for", StringComparison.Ordinal);
        Assert.True(search > 0 && digestStart > 0, output);
        var digest = digestStart > search ? output[digestStart..] : output[digestStart..search];
        var searchPart = digestStart > search ? output[search..digestStart] : output[search..];
        var cycloneItems = Regex.Matches(digest, @"^== \d+\. .*(Cyclone|cyclone).* ==$", RegexOptions.Multiline);
        Assert.True(cycloneItems.Count == 1, digest);
        Assert.Contains("3 sources: Reuters, Associated Press, BBC", digest, StringComparison.Ordinal);
        Assert.Contains("1 story matching \"Cyclone Mara Beira\"", output, StringComparison.Ordinal);
        Assert.Contains("Story: 3 sources: Reuters, Associated Press, BBC", searchPart, StringComparison.Ordinal);
    }

    public void Dispose() => bot.Dispose();

    [GeneratedRegex("\"storyId\":(\\d+)")]
    private static partial Regex StoryId();
}
