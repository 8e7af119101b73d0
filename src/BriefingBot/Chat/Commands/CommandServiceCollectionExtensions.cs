using BriefingBot.Chat.Components;
using BriefingBot.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Chat.Commands;

public static class CommandServiceCollectionExtensions
{
    /// <summary>Registers one slash command; this is the one line a new command needs.</summary>
    public static IServiceCollection AddCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, ICommand
    {
        services.AddSingleton<ICommand, TCommand>();
        return services;
    }

    public static IServiceCollection AddCommandDispatch(this IServiceCollection services)
    {
        // Every platform records into BotMetrics; exporting them is Telemetry's business (AddTelemetry).
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.TryAddSingleton<CommandCatalog>();
        services.TryAddSingleton(sp => new Lazy<CommandCatalog>(sp.GetRequiredService<CommandCatalog>));
        services.TryAddSingleton<CommandDispatcher>();
        services.TryAddSingleton<TextCommandParser>();
        services.TryAddSingleton<ComponentRouter>();
        services.TryAddSingleton<PlatformStatus>();
        services.AddCommand<HelpCommand>();
        return services;
    }
}
