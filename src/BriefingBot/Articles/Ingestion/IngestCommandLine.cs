namespace BriefingBot.Articles.Ingestion;

/// <summary><c>ingest &lt;path|url|feed&gt;...</c>: a progress bar on standard error, the counts line on standard output.</summary>
public static class IngestCommandLine
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            await Console.Error.WriteLineAsync("usage: ingest <path|url|feed-url>...");
            return 2;
        }

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
}
