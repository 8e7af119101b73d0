using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Actors;

public static class ActorsServiceCollectionExtensions
{
    /// <summary>
    /// Actor cards (<c>/actor</c>), rankings (<c>/actors top</c>) and taught aliases (<c>/actors alias add|remove</c>).
    /// Needs the store (<c>AddStorage</c>). The recogniser is replaced by one that follows taught aliases.
    /// </summary>
    public static IServiceCollection AddActors(this IServiceCollection services)
    {
        services.AddAnalysis();
        services.AddValidatedOptions<ActorsOptions>(ActorsOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ActorDirectory(sp.GetRequiredService<ActorCatalog>()));
        services.Replace(ServiceDescriptor.Singleton<IActorRecognizer, ReloadingActorRecognizer>());
        services.AddChannelWorkspaces();
        services.TryAddSingleton<ActorService>();
        services.TryAddSingleton<ActorAliases>();
        services.TryAddSingleton<ActorCardCache>();

        // Right after the store's initialiser, so analysis never runs on a catalogue without the taught aliases.
        var initializer = services.ToList().FindIndex(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StorageInitializer));
        if (initializer >= 0 && !services.Any(d => d.ImplementationType == typeof(ActorAliasLoader)))
        {
            services.Insert(initializer + 1, ServiceDescriptor.Singleton<IHostedService, ActorAliasLoader>());
        }

        services.AddCommand<ActorCommand>();
        services.AddCommand<ActorsTopCommand>();
        // The alias commands are also injected into ActorCommand, which forwards /actor alias ... to them.
        services.TryAddSingleton<ActorsAliasAddCommand>();
        services.TryAddSingleton<ActorsAliasRemoveCommand>();
        services.AddSingleton<ICommand>(sp => sp.GetRequiredService<ActorsAliasAddCommand>());
        services.AddSingleton<ICommand>(sp => sp.GetRequiredService<ActorsAliasRemoveCommand>());
        return services;
    }
}
