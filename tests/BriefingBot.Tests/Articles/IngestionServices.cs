using BriefingBot.Analysis;
using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Web;
using BriefingBot.Hosting;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NSubstitute;
using Quartz;

namespace BriefingBot.Tests.Articles;

/// <summary>
/// The real ingestion registrations (<c>AddArticles</c>) over an in-memory store and a controllable resolver.
/// The clock stays the system's: the HTTP retry delays run on the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed class IngestionServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public IngestionServices(Dictionary<string, string?>? configuration = null, BotMode mode = BotMode.Ingest, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration ?? []).Build());
        services.AddLogging();
        services.AddSingleton(Substitute.For<IHostApplicationLifetime>());
        services.AddSingleton<IArticleStore>(Store);
        services.AddSingleton(Substitute.For<IAnalysisStore>());
        services.AddArticles(mode);
        if (mode is BotMode.Worker or BotMode.Shell)
        {
            // The app's shared scheduler (AddScheduling) persists in the store; these tests need only an in-memory one.
            services.AddQuartz();
        }

        services.AddSingleton<IHostResolver>(Resolver);
        configure?.Invoke(services);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public InMemoryArticleStore Store { get; } = new();

    public FakeHostResolver Resolver { get; } = new();

    public IServiceProvider Services => provider;

    public IArticleIngestor Ingestor => provider.GetRequiredService<IArticleIngestor>();

    public Task<IngestReport> IngestAsync(IngestTrust trust, params string[] sources) =>
        Ingestor.IngestAsync(sources, trust, progress: null, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
