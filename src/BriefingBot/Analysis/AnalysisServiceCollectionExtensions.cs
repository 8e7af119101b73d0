using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the text analysis services: the extractive summariser as the default <see cref="ISummarizer"/>, and the
    /// development extractor, which uses an <see cref="IActorRecognizer"/> when one is registered (without one it finds
    /// hedges but no actors, so no developments).
    /// </summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.TryAddSingleton<ExtractiveSummarizer>();
        services.TryAddSingleton<ISummarizer>(sp => sp.GetRequiredService<ExtractiveSummarizer>());
        services.TryAddSingleton(sp => new DevelopmentExtractor(sp.GetService<IActorRecognizer>()));
        return services;
    }
}
