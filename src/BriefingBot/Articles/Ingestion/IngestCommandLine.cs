using BriefingBot.Analysis;

namespace BriefingBot.Articles.Ingestion;

/// <summary>
/// <c>ingest [--reanalyze] &lt;path|url|feed&gt;...</c>: a progress bar on standard error, the counts line on standard
/// output. With <c>--reanalyze</c>, after any sources, every stored article is analysed again (its own progress bar and
/// counts line).
/// </summary>
public static class IngestCommandLine
{
    public const string ReanalyzeFlag = "--reanalyze";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var reanalyze = arguments.Contains(ReanalyzeFlag, StringComparer.OrdinalIgnoreCase);
        var sources = arguments.Where(a => !string.Equals(a, ReanalyzeFlag, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sources.Count == 0 && !reanalyze)
        {
            await Console.Error.WriteLineAsync("usage: ingest [--reanalyze] <path|url|feed-url>...");
            return 2;
        }

        var exitCode = sources.Count == 0 ? 0 : await IngestAsync(services, sources, cancellationToken);
        return reanalyze ? Math.Max(exitCode, await ReanalyzeAsync(services, cancellationToken)) : exitCode;
    }

    private static async Task<int> IngestAsync(IServiceProvider services, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        var ingestor = services.GetRequiredService<IArticleIngestor>();
        using var bar = new ProgressBar(Console.Error, enabled: !Console.IsErrorRedirected);
        var report = await ingestor.IngestAsync(sources, IngestTrust.Operator, bar, cancellationToken);
        bar.Complete();
        foreach (var failure in report.Items.Where(i => i.Status == IngestStatus.Failed))
        {
            await Console.Error.WriteLineAsync($"failed: {failure.Source}: {failure.Error}");
        }

        await Console.Out.WriteLineAsync(report.CountsLine);
        return report.Failed > 0 && report.Ingested + report.Duplicates == 0 ? 1 : 0;
    }

    private static async Task<int> ReanalyzeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var bar = new ProgressBar(Console.Error, enabled: !Console.IsErrorRedirected);
        var (analysed, total) = await services.GetRequiredService<AnalysisWorker>().ReanalyzeAllAsync(bar, cancellationToken);
        bar.Complete();
        await Console.Out.WriteLineAsync($"re-analysed {analysed}, failed {total - analysed}");
        return analysed < total ? 1 : 0;
    }
}
