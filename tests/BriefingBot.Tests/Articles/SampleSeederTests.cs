using BriefingBot.Articles.Ingestion;
using BriefingBot.Hosting;
using BriefingBot.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BriefingBot.Tests.Articles;

public sealed class SampleSeederTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_NewStore_IngestsSamplesBeforeReturningAndOnlyOnce()
    {
        using var samples = new TempFolder();
        samples.Write("one.txt", "Sample one\n\n" + SampleText.Paragraphs(61));
        samples.Write("two/two.md", "# Sample two\n\n" + SampleText.Paragraphs(62));
        await using var services = new IngestionServices(new() { ["Articles:SamplesPath"] = samples.Path }, BotMode.Worker);

        await Seeder(services).StartAsync(Cancel);
        Assert.Equal(2, services.Store.All.Count);
        await Seeder(services).StartAsync(Cancel);

        Assert.Equal(1, services.Store.AddManyCalls);
        Assert.NotNull(await services.Services.GetRequiredService<IMetadataStore>().GetAsync(SampleSeeder.IngestedKey, Cancel));
    }

    [Fact]
    public async Task StartAsync_RelativePath_ResolvesAgainstApplicationFolder()
    {
        var relative = "samples-" + Guid.NewGuid().ToString("N");
        var folder = Path.Combine(AppContext.BaseDirectory, relative);
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "a.txt"), "Sample\n\n" + SampleText.Paragraphs(63), Cancel);
            await using var services = new IngestionServices(new() { ["Articles:SamplesPath"] = relative }, BotMode.Shell);

            await Seeder(services).StartAsync(Cancel);

            Assert.Single(services.Store.All);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_MissingFolder_WarnsWithoutThrowingAndTriesAgainNextTime()
    {
        await using var services = new IngestionServices(new() { ["Articles:SamplesPath"] = "/nonexistent/briefingbot-samples" }, BotMode.Worker);

        await Seeder(services).StartAsync(Cancel);

        Assert.Empty(services.Store.All);
        Assert.Null(await services.Services.GetRequiredService<IMetadataStore>().GetAsync(SampleSeeder.IngestedKey, Cancel));
    }

    [Fact]
    public async Task StartAsync_IngestSamplesFalse_IngestsNothing()
    {
        using var samples = new TempFolder();
        samples.Write("one.txt", "Sample one\n\n" + SampleText.Paragraphs(64));
        await using var services = new IngestionServices(
            new() { ["Articles:SamplesPath"] = samples.Path, ["Articles:IngestSamples"] = "false" }, BotMode.Worker);

        await Seeder(services).StartAsync(Cancel);

        Assert.Empty(services.Store.All);
    }

    private static SampleSeeder Seeder(IngestionServices services) =>
        services.Services.GetServices<IHostedService>().OfType<SampleSeeder>().Single();
}
