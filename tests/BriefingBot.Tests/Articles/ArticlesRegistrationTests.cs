using BriefingBot.Articles.Ingestion;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BriefingBot.Tests.Articles;

public sealed class ArticlesRegistrationTests
{
    [Theory]
    [InlineData(BotMode.Worker)]
    [InlineData(BotMode.Shell)]
    public async Task AddArticles_LongRunningMode_RegistersSeeder(BotMode mode)
    {
        await using var services = new IngestionServices(mode: mode);

        var hosted = services.Services.GetServices<IHostedService>().Select(h => h.GetType()).ToList();

        Assert.Contains(typeof(SampleSeeder), hosted);
        Assert.IsType<ArticleIngestor>(services.Ingestor);
    }

    [Theory]
    [InlineData(BotMode.Ingest)]
    [InlineData(BotMode.Analyze)]
    public async Task AddArticles_OneShotMode_RegistersNoBackgroundWork(BotMode mode)
    {
        await using var services = new IngestionServices(mode: mode);

        Assert.Empty(services.Services.GetServices<IHostedService>());
        Assert.IsType<ArticleIngestor>(services.Ingestor);
    }
}
