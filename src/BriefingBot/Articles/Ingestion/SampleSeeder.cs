using BriefingBot.Storage;
using Microsoft.Extensions.Options;

namespace BriefingBot.Articles.Ingestion;

/// <summary>
/// Ingests the sample articles once per store, during start-up (so the shell can search right away).
/// A missing samples folder is a warning, not a crash.
/// </summary>
public sealed partial class SampleSeeder(
    IArticleIngestor ingestor, IMetadataStore metadata, IOptions<ArticlesOptions> options, TimeProvider time, ILogger<SampleSeeder> logger)
    : IHostedService
{
    public const string IngestedKey = "samples.ingested";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IngestSamples || await metadata.GetAsync(IngestedKey, cancellationToken) is not null)
        {
            return;
        }

        var folder = Path.IsPathRooted(settings.SamplesPath) ? settings.SamplesPath : Path.Combine(AppContext.BaseDirectory, settings.SamplesPath);
        if (!Directory.Exists(folder))
        {
            LogSamplesMissing(logger, folder);
            return;
        }

        var report = await ingestor.IngestAsync([folder], IngestTrust.Operator, progress: null, cancellationToken);
        foreach (var failure in report.Items.Where(i => i.Status == IngestStatus.Failed))
        {
            LogSampleFailed(logger, failure.Source, failure.Error);
        }

        await metadata.SetAsync(IngestedKey, time.GetUtcNow().ToString("O"), cancellationToken);
        LogSamplesIngested(logger, folder, report.Ingested, report.Duplicates, report.Failed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The samples folder {Folder} does not exist; no sample articles were ingested")]
    private static partial void LogSamplesMissing(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sample {Source} was not ingested: {Error}")]
    private static partial void LogSampleFailed(ILogger logger, string source, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Samples from {Folder}: ingested {Ingested}, duplicates {Duplicates}, failed {Failed}")]
    private static partial void LogSamplesIngested(ILogger logger, string folder, int ingested, int duplicates, int failed);
}
