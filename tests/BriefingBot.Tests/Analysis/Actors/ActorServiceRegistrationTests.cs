using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Analysis.Actors;

public sealed class ActorServiceRegistrationTests
{
    [Fact]
    public void AddAnalysis_WithoutConfiguration_LoadsShippedCatalogueIntoSingletonRecognizer()
    {
        using var provider = new ServiceCollection().AddAnalysis().BuildServiceProvider();

        var recognizer = provider.GetRequiredService<IActorRecognizer>();

        Assert.Same(recognizer, provider.GetRequiredService<IActorRecognizer>());
        Assert.Equal("ru", Assert.Single(recognizer.Recognize("The Kremlin said so.")).Actor?.Id);
    }

    [Fact]
    public void AddAnalysis_ActorsPathConfigured_LoadsThatFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"actors-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "actors": [ { "id": "fr", "name": "Freedonia", "kind": "state" } ] }""");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Analysis:ActorsPath", path)]).Build();
            using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAnalysis().BuildServiceProvider();

            var catalog = provider.GetRequiredService<ActorCatalog>();

            Assert.Equal("Freedonia", Assert.Single(catalog.Actors).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
