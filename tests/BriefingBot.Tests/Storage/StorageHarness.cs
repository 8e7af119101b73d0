using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Digests;
using BriefingBot.Storage;
using BriefingBot.Storage.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Storage;

/// <summary>A store built the way the bot builds it (configuration + <c>AddStorage</c>), already migrated.</summary>
public sealed class StorageHarness(ServiceProvider services, FakeTimeProvider time) : IAsyncDisposable
{
    public FakeTimeProvider Time { get; } = time;

    public IArticleStore Articles => services.GetRequiredService<IArticleStore>();

    public IAnalysisStore Analysis => services.GetRequiredService<IAnalysisStore>();

    public IDevelopmentStore Developments => services.GetRequiredService<IDevelopmentStore>();

    public IDigestSource Digests => services.GetRequiredService<IDigestSource>();

    public IMetadataStore Metadata => services.GetRequiredService<IMetadataStore>();

    public IStorageMigrator Migrator => services.GetRequiredService<IStorageMigrator>();

    public IServiceProvider Services => services;

    public static async Task<StorageHarness> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var provider = BuildServices(settings, out var time);
        var harness = new StorageHarness(provider, time);
        await harness.Migrator.MigrateAsync(cancellationToken);
        return harness;
    }

    public static ServiceProvider BuildServices(IReadOnlyDictionary<string, string?> settings, out FakeTimeProvider time)
    {
        time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Storage:" + s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddStorage();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
