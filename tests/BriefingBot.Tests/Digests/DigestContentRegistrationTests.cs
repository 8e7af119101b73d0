using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Chat.Components;
using BriefingBot.Digests;
using BriefingBot.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Digests;

public sealed class DigestContentRegistrationTests
{
    [Fact]
    public void AddDigestContent_WithStorageAnalysisAndDevelopments_ResolvesComposerAndOneDiscussHandler()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), "never-opened.db"),
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<IDevelopmentStore, InMemoryDevelopmentStore>()
            .AddStorage()
            .AddAnalysis()
            .AddDigestContent()
            .AddDigestContent();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        Assert.IsType<DigestComposer>(provider.GetRequiredService<IDigestComposer>());
        Assert.Single(provider.GetServices<IComponentHandler>().OfType<DigestDiscussHandler>());
    }
}
