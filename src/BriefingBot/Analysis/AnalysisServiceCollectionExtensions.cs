using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Analysis.Llm;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        AddSummarizer(services);
        services.TryAddSingleton(sp => ActorCatalog.Load(ActorsPath(sp.GetService<IConfiguration>())));
        services.TryAddSingleton(sp => ActorCatalogVersion.FromFile(ActorsPath(sp.GetService<IConfiguration>())));
        services.TryAddSingleton<IActorRecognizer, ActorRecognizer>();
        services.TryAddSingleton(sp => new DevelopmentExtractor(sp.GetService<IActorRecognizer>()));
        services.TryAddSingleton<AnalysisQueue>();
        return services;
    }

    /// <summary>
    /// The <c>Summarizer</c> section: the extractive summariser unless a provider is configured, then a chat model
    /// that falls back to it.
    /// </summary>
    private static void AddSummarizer(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ChatClientSummarizer)))
        {
            return;
        }

        services.AddValidatedOptions<SummarizerOptions>(SummarizerOptions.Section)
            .Validate<IConfiguration>(
                (_, configuration) => !ApiKeyInFile(configuration),
                $"{SummarizerOptions.Section}:ApiKey must come from the environment (BriefingBot__Summarizer__ApiKey), never from a file");
        services.AddHttpClient(nameof(ChatClientSummarizer), http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ChatClientSummarizer>(
            sp,
            SummarizerChatClient.Create(
                sp.GetRequiredService<IOptions<SummarizerOptions>>().Value,
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ChatClientSummarizer)))));
        // Without configuration (tools, tests) there is no Summarizer section to read: extractive.
        services.TryAddSingleton<ISummarizer>(sp =>
            sp.GetService<IConfiguration>() is null
            || sp.GetRequiredService<IOptions<SummarizerOptions>>().Value.Provider == SummarizerProvider.Extractive
                ? sp.GetRequiredService<ExtractiveSummarizer>()
                : sp.GetRequiredService<ChatClientSummarizer>());
    }

    private static bool ApiKeyInFile(IConfiguration configuration) =>
        configuration is IConfigurationRoot root
        && root.Providers.OfType<FileConfigurationProvider>()
            .Any(p => p.TryGet($"{SummarizerOptions.Section}:ApiKey", out var key) && !string.IsNullOrEmpty(key));

    private static string ActorsPath(IConfiguration? configuration)
    {
        var configured = configuration?["Analysis:ActorsPath"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "config", "actors.json")
            : Path.GetFullPath(configured, AppContext.BaseDirectory);
    }
}
