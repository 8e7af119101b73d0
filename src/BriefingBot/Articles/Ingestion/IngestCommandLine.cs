using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using BriefingBot.Analysis;

namespace BriefingBot.Articles.Ingestion;

/// <summary>
/// <c>ingest [--reanalyze] [--json] &lt;path|url|feed&gt;...</c>: a progress bar on standard error, the counts line on standard
/// output. With <c>--json</c>, standard output has one JSON object per ingested item instead
/// (<c>{"file","status","articleId","storyId"}</c>, status <c>added</c>, <c>added-to-story</c>, <c>duplicate</c> or
/// <c>failed</c>), so a grouping can be scored from outside. With <c>--reanalyze</c>, after any sources, every stored
/// article is analysed again (its own progress bar and counts line).
/// </summary>
public static class IngestCommandLine
{
    public const string ReanalyzeFlag = "--reanalyze";
    public const string JsonFlag = "--json";

    public static Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(services, arguments, Console.Out, Console.Error, cancellationToken);

    public static async Task<int> RunAsync(
        IServiceProvider services, IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var reanalyze = arguments.Contains(ReanalyzeFlag, StringComparer.OrdinalIgnoreCase);
        var json = arguments.Contains(JsonFlag, StringComparer.OrdinalIgnoreCase);
        var sources = arguments
            .Where(a => !string.Equals(a, ReanalyzeFlag, StringComparison.OrdinalIgnoreCase) && !string.Equals(a, JsonFlag, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (sources.Count == 0 && !reanalyze)
        {
            await error.WriteLineAsync("usage: ingest [--reanalyze] [--json] <path|url|feed-url>...");
            return 2;
        }

        var exitCode = sources.Count == 0 ? 0 : await IngestAsync(services, sources, json, output, error, cancellationToken);
        return reanalyze ? Math.Max(exitCode, await ReanalyzeAsync(services, output, error, cancellationToken)) : exitCode;
    }

    private static async Task<int> IngestAsync(
        IServiceProvider services, IReadOnlyList<string> sources, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var ingestor = services.GetRequiredService<IArticleIngestor>();
        using var bar = new ProgressBar(error, enabled: error == Console.Error && !Console.IsErrorRedirected);
        var report = await ingestor.IngestAsync(sources, IngestTrust.Operator, bar, cancellationToken);
        bar.Complete();
        foreach (var failure in report.Items.Where(i => i.Status == IngestStatus.Failed))
        {
            await error.WriteLineAsync($"failed: {failure.Source}: {failure.Error}");
        }

        if (json)
        {
            foreach (var item in report.Items)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(IngestItemJson.From(item), IngestJsonContext.Readable.IngestItemJson));
            }
        }
        else
        {
            await output.WriteLineAsync(report.CountsLine);
        }

        return report.Failed > 0 && report.Ingested + report.Duplicates == 0 ? 1 : 0;
    }

    private static async Task<int> ReanalyzeAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var bar = new ProgressBar(error, enabled: error == Console.Error && !Console.IsErrorRedirected);
        var (analysed, total) = await services.GetRequiredService<AnalysisWorker>().ReanalyzeAllAsync(bar, cancellationToken);
        bar.Complete();
        await output.WriteLineAsync($"re-analysed {analysed}, failed {total - analysed}");
        return analysed < total ? 1 : 0;
    }
}

/// <summary>One line of <c>ingest --json</c>.</summary>
internal sealed record IngestItemJson(string File, string Status, long? ArticleId, long? StoryId)
{
    public static IngestItemJson From(IngestItemResult item) => new(
        item.Source,
        item.Status switch
        {
            IngestStatus.Added => "added",
            IngestStatus.AddedToStory => "added-to-story",
            IngestStatus.Duplicate => "duplicate",
            _ => "failed",
        },
        item.ArticleId,
        item.StoryId);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IngestItemJson))]
internal sealed partial class IngestJsonContext : JsonSerializerContext
{
    /// <summary>File names of every script as they are, markup characters still escaped.</summary>
    public static IngestJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
