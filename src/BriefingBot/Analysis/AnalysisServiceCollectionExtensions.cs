using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>Registers the text analysis services: the extractive summariser as the default <see cref="ISummarizer"/>.</summary>
    public static IServiceCollection AddAnalysis(this IServiceCollection services)
    {
        services.TryAddSingleton<ExtractiveSummarizer>();
        services.TryAddSingleton<ISummarizer>(sp => sp.GetRequiredService<ExtractiveSummarizer>());
        return services;
    }
}
