using BriefingBot.Chat.Commands;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Chat;

public static class ChannelWorkspacesServiceCollectionExtensions
{
    /// <summary><see cref="ChannelWorkspaces"/> and the observer that teaches it; safe to call from every feature that needs it.</summary>
    public static IServiceCollection AddChannelWorkspaces(this IServiceCollection services)
    {
        services.TryAddSingleton<ChannelWorkspaces>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandObserver, ChannelWorkspaceRecorder>());
        return services;
    }
}
