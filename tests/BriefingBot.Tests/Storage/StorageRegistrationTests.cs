using BriefingBot.Articles;
using BriefingBot.Storage;
using BriefingBot.Storage.Postgres;
using BriefingBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BriefingBot.Tests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public void AddStorage_AfterOtherHostedServices_RegistersInitializerFirst()
    {
        var services = new ServiceCollection();
        services.AddHostedService<StoreProbe>();

        services.AddStorage();

        var hosted = services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType).ToList();
        Assert.Equal([typeof(StorageInitializer), typeof(StoreProbe)], hosted);
    }

    [Theory]
    [InlineData("Sqlite", typeof(SqliteArticleStore), typeof(SqliteDatabase))]
    [InlineData("Postgres", typeof(PostgresArticleStore), typeof(PostgresDatabase))]
    public async Task AddStorage_Provider_ResolvesThatProvidersStores(string provider, Type articles, Type database)
    {
        await using var services = StorageHarness.BuildServices(
            new Dictionary<string, string?>
            {
                ["Provider"] = provider,
                ["SqlitePath"] = Path.Combine(folder.Path, "bot.db"),
                ["ConnectionString"] = "Host=127.0.0.1;Port=1;Database=x;Username=y",
            },
            out _);

        Assert.IsType(articles, services.GetRequiredService<IArticleStore>());
        Assert.IsType(database, services.GetRequiredService<BriefingBot.Storage.Sql.ISqlDatabase>());
    }

    [Fact]
    public async Task StartAsync_HostWithStorage_MigratesBeforeOtherHostedServicesStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([
            new("Storage:Provider", "Sqlite"),
            new("Storage:SqlitePath", Path.Combine(folder.Path, "host", "bot.db")),
        ]);
        builder.Services.AddHostedService<StoreProbe>();
        builder.Services.AddStorage();
        using var host = builder.Build();

        await host.StartAsync(Ct);
        await host.StopAsync(Ct);

        Assert.Equal(0, host.Services.GetServices<IHostedService>().OfType<StoreProbe>().Single().CountAtStart);
    }

    /// <summary>A feature that reads the store as soon as it starts.</summary>
    private sealed class StoreProbe(IArticleStore store) : IHostedService
    {
        public long? CountAtStart { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken) => CountAtStart = await store.CountAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
