using BriefingBot.Analysis;
using BriefingBot.Articles;
using BriefingBot.Storage;
using BriefingBot.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks;

/// <summary>The real SQLite store, wired by <c>AddStorage</c> as the bot does, on a given file.</summary>
internal sealed class BenchmarkStore(ServiceProvider services) : IAsyncDisposable
{
    public IArticleStore Articles => services.GetRequiredService<IArticleStore>();

    public IAnalysisStore Analysis => services.GetRequiredService<IAnalysisStore>();

    public IServiceProvider Services => services;

    public IMetadataStore Metadata => services.GetRequiredService<IMetadataStore>();

    public static async Task<BenchmarkStore> OpenSqliteAsync(
        string path, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("Storage:Provider", "Sqlite"),
            new("Storage:SqlitePath", path),
            .. settings ?? [],
        ]).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddStorage()
            .BuildServiceProvider();
        await services.GetRequiredService<IStorageMigrator>().MigrateAsync(cancellationToken);
        return new BenchmarkStore(services);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
