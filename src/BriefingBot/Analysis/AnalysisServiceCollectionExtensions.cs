using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the text analysis services: the extractive summariser as the default <see cref="ISummarizer"/>, the
    /// actor catalogue (config/actors.json beside the app, or <c>Analysis:ActorsPath</c>), the actor recogniser, and
    /// the development extractor that uses it, and the
    /// <see cref="AnalysisQueue"/> that ingestion signals.
    /// </summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.TryAddSingleton<ExtractiveSummarizer>();
        services.TryAddSingleton<ISummarizer>(sp => sp.GetRequiredService<ExtractiveSummarizer>());
        services.TryAddSingleton(sp => ActorCatalog.Load(ActorsPath(sp.GetService<IConfiguration>())));
        services.TryAddSingleton(sp => ActorCatalogVersion.FromFile(ActorsPath(sp.GetService<IConfiguration>())));
        services.TryAddSingleton<IActorRecognizer, ActorRecognizer>();
        services.TryAddSingleton(sp => new DevelopmentExtractor(sp.GetService<IActorRecognizer>()));
        services.TryAddSingleton<AnalysisQueue>();
        services.TryAddSingleton<AnalysisWorker>();
        return services;
    }

    private static string ActorsPath(IConfiguration? configuration)
    {
        var configured = configuration?["Analysis:ActorsPath"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "config", "actors.json")
            : Path.GetFullPath(configured, AppContext.BaseDirectory);
    }
}
