using System.Text.Json;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Analysis.Developments;

public sealed class AnalyzeCommandLineTests : IDisposable
{
    private const string Corpus = "north-korea-troops-russia.txt";
    private const string Sample = "01-north-korea-troops.txt";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("briefingbot-analyze-");

    public AnalyzeCommandLineTests()
    {
        File.Copy(Path.Combine(SharedFolder.Corpus, Corpus), Path.Combine(folder.FullName, Corpus));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "config", "samples", Sample), Path.Combine(folder.FullName, Sample));
        File.WriteAllText(Path.Combine(folder.FullName, "notes.md"), "not an article");
    }

    [Fact]
    public async Task RunAsync_FolderAsJson_OneLinePerArticleWithOffsetsIntoBody()
    {
        var (exitCode, output, error) = await RunAsync(folder.FullName, "--json", "--sentences", "2");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var body = BodyOf(File.ReadAllText(root.GetProperty("file").GetString()!));
            Assert.Equal(2, root.GetProperty("summary").GetArrayLength());
            Assert.NotEmpty(root.GetProperty("mentions").EnumerateArray());
            foreach (var mention in root.GetProperty("mentions").EnumerateArray())
            {
                Assert.Equal(mention.GetProperty("text").GetString(), Slice(body, mention));
            }

            var sentences = SentenceSplitter.Split(body).Select(s => s.Text).ToHashSet();
            foreach (var span in root.GetProperty("hedges").EnumerateArray().Concat(root.GetProperty("developments").EnumerateArray()))
            {
                Assert.Contains(Slice(body, span), sentences);
            }
        }
    }

    [Fact]
    public async Task RunAsync_UndatedCorpusAsJson_ResolvesWindowAgainstToday()
    {
        var (_, output, _) = await RunAsync(Path.Combine(folder.FullName, Corpus), "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("North Korea’s Potential Military Involvement in Ukraine Sparks Concern Over Escalating Regional Tensions", root.GetProperty("title").GetString());
        Assert.Equal(3, root.GetProperty("summary").GetArrayLength());
        var deployment = root.GetProperty("developments").EnumerateArray()
            .Single(d => d.GetProperty("claim").GetString() == "North Korea may deploy more troops to Russia");
        Assert.Equal("2026-07-01", deployment.GetProperty("window").GetProperty("from").GetString());
        Assert.Equal("2026-08-31", deployment.GetProperty("window").GetProperty("to").GetString());
        Assert.Equal("2026-08-31", deployment.GetProperty("resolveBy").GetString());
        Assert.Equal("Will North Korea deploy more troops to Russia by 31 August 2026?", deployment.GetProperty("question").GetString());
        Assert.Equal(["North Korea", "Russia", "Ukraine"], deployment.GetProperty("actors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(0.4, deployment.GetProperty("strength").GetDouble(), 2);
        var pyongyang = root.GetProperty("mentions").EnumerateArray().First(m => m.GetProperty("text").GetString() == "Pyongyang");
        Assert.Equal("North Korea", pyongyang.GetProperty("actor").GetString());
        Assert.Equal("state", pyongyang.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task RunAsync_Text_PrintsSectionsAndCrossArticleMerge()
    {
        var (exitCode, output, _) = await RunAsync(folder.FullName);

        Assert.Equal(0, exitCode);
        Assert.Contains("== North Korea may send more troops and engineers to Russia as early as January, Seoul's spy agency says", output, StringComparison.Ordinal);
        Assert.Contains("Developments:", output, StringComparison.Ordinal);
        Assert.Contains("    poll: Will North Korea deploy more troops to Russia by 31 August 2026?", output, StringComparison.Ordinal);
        Assert.Contains("Across articles:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingPath_ReportsItAndExitsOne()
    {
        var (exitCode, output, error) = await RunAsync(Path.Combine(folder.FullName, "absent.txt"), "--json");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("absent.txt: not found", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--json")]
    [InlineData("x.txt", "--sentences", "many")]
    public async Task RunAsync_BadArguments_PrintsUsageAndExitsTwo(params string[] arguments)
    {
        var (exitCode, _, error) = await RunAsync(arguments);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("usage: analyze", error, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero)))
            .AddSingleton<IActorRecognizer, DictionaryActorRecognizer>()
            .AddAnalysis()
            .BuildServiceProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AnalyzeCommandLine.RunAsync(services, arguments, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }

    // The body as the issue defines it, worked out here independently: after the title line and any header lines, trimmed.
    private static string BodyOf(string content)
    {
        var lines = content.Split('\n');
        int line = 0;
        while (string.IsNullOrWhiteSpace(lines[line]))
        {
            line++;
        }

        line++;
        while (line < lines.Length && System.Text.RegularExpressions.Regex.IsMatch(lines[line], "^(Source|Author|Published|URL):"))
        {
            line++;
        }

        return string.Join('\n', lines[line..]).Trim();
    }

    private static string Slice(string body, JsonElement span)
    {
        int start = span.GetProperty("start").GetInt32();
        return body[start..span.GetProperty("end").GetInt32()];
    }
}
