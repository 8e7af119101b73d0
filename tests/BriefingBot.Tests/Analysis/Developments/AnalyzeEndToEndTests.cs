using System.Text.Json;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Analysis.Developments;

/// <summary>The built executable's <c>analyze</c> verb. No actor recognizer is on this branch, so it reports hedges without developments.</summary>
public sealed class AnalyzeEndToEndTests : IDisposable
{
    private readonly BotProcess bot = new();

    [Fact]
    public async Task Analyze_SamplesFolderAsJson_PrintsOneObjectPerArticleAndLeavesNoDatabase()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "config", "samples");

        var run = await bot.RunAsync("", TestContext.Current.CancellationToken, "analyze", samples, "--json", "--sentences", "1");

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Directory.GetFiles(samples, "*.txt").Length, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(1, first.RootElement.GetProperty("summary").GetArrayLength());
        Assert.NotEmpty(first.RootElement.GetProperty("hedges").EnumerateArray());
        Assert.False(File.Exists(bot.DatabasePath));
    }

    public void Dispose() => bot.Dispose();
}
