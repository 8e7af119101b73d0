using BriefingBot.Chat.Components;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Digests;

public static class DigestContentServiceCollectionExtensions
{
    /// <summary>
    /// Digest content: the <see cref="DigestComposer"/> and the "Discuss" button. Needs storage, analysis and an
    /// <see cref="Analysis.Developments.IDevelopmentStore"/>; called from <c>AddDigests()</c>.
    /// </summary>
    public static IServiceCollection AddDigestContent(this IServiceCollection services)
    {
        services.TryAddSingleton<IDigestComposer, DigestComposer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IComponentHandler, DigestDiscussHandler>());
        return services;
    }
}
