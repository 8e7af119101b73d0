using System.Text.Json;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles.Stories;

/// <summary><c>ingest --json</c> through the built executable: one line per input, so a grouping can be scored from outside.</summary>
public sealed class IngestJsonEndToEndTests : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "config", "samples");
    private readonly BotProcess bot = new();

    [Fact]
    public async Task Ingest_SamplesAsJson_OneLinePerFileWithStoryAndWireCopiesShareIt()
    {
        var missing = Path.Combine(bot.WorkingDirectory, "nope.txt");

        var first = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "ingest", Samples, missing, "--json");
        var second = await bot.RunAsync(string.Empty, TestContext.Current.CancellationToken, "ingest", "--json", Samples);

        Assert.True(first.ExitCode == 0, first.Error);
        var lines = Parse(first.Output);
        var files = Directory.GetFiles(Samples, "*.txt");
        Assert.Equal(files.Length + 1, lines.Count);
        var failed = Assert.Single(lines, l => l.Status == "failed");
        Assert.Equal(missing, failed.File);
        Assert.Null(failed.ArticleId);
        Assert.Null(failed.StoryId);
        var stored = lines.Where(l => l.Status != "failed").ToList();
        Assert.All(stored, l => Assert.Contains(l.Status, new[] { "added", "added-to-story" }));
        Assert.All(stored, l => Assert.NotNull(l.StoryId));
        Assert.Equal(files.Order(StringComparer.Ordinal), stored.Select(l => l.File));
        var reuters = stored.Single(l => l.File.EndsWith("01-north-korea-troops.txt", StringComparison.Ordinal));
        var ap = stored.Single(l => l.File.EndsWith("02-north-korea-troops-ap.txt", StringComparison.Ordinal));
        Assert.Equal("added", reuters.Status);
        Assert.Equal("added-to-story", ap.Status);
        Assert.Equal(reuters.StoryId, ap.StoryId);

        var again = Parse(second.Output);
        Assert.All(again, l => Assert.Equal("duplicate", l.Status));
        Assert.Equal(stored.Select(l => (l.ArticleId, l.StoryId)), again.Select(l => (l.ArticleId, l.StoryId)));
    }

    public void Dispose() => bot.Dispose();

    private static List<Line> Parse(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new Line(
                root.GetProperty("file").GetString()!,
                root.GetProperty("status").GetString()!,
                root.GetProperty("articleId").ValueKind == JsonValueKind.Null ? null : root.GetProperty("articleId").GetInt64(),
                root.GetProperty("storyId").ValueKind == JsonValueKind.Null ? null : root.GetProperty("storyId").GetInt64());
        })];

    private sealed record Line(string File, string Status, long? ArticleId, long? StoryId);
}
