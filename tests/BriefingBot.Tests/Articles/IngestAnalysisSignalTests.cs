using BriefingBot.Analysis;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Articles;

/// <summary>Ingestion pokes the background analysis only when something new was stored.</summary>
public sealed class IngestAnalysisSignalTests
{
    [Fact]
    public async Task IngestAsync_NewArticleThenDuplicate_SignalsAnalysisOnlyForTheNewOne()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Alpha story\n\n" + SampleText.Paragraphs(111));
        await using var services = new IngestionServices();
        var queue = services.Services.GetRequiredService<AnalysisQueue>();

        await services.IngestAsync(IngestTrust.Operator, folder.Path);
        var afterNew = await IsSignalledAsync(queue);
        await services.IngestAsync(IngestTrust.Operator, folder.Path);
        var afterDuplicate = await IsSignalledAsync(queue);

        Assert.Equal((true, false), (afterNew, afterDuplicate));
    }

    private static async Task<bool> IsSignalledAsync(AnalysisQueue queue)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        wait.CancelAfter(TimeSpan.FromMilliseconds(200));
        try
        {
            await queue.WaitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
