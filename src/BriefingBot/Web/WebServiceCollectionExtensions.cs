using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BriefingBot.Web;

public static class WebServiceCollectionExtensions
{
    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>The web view when <c>Web:Enabled</c> is true: <c>/web</c>, the channel recorder and the pages (Razor components, static SSR).</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services, BotMode mode, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebOptions>(WebOptions.Section);
        services.TryAddSingleton<WebLinks>();
        if (!configuration.GetValue<bool>(WebOptions.Section + ":" + nameof(WebOptions.Enabled)) || mode is BotMode.Analyze or BotMode.HealthCheck)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebAccess>();
        services.TryAddSingleton<WebPages>();
        services.AddSingleton<ICommandObserver, WebChannelRecorder>();
        services.AddRazorComponents();

        // A link carries its token in the query, and ASP.NET Core's request lines (Information) print the whole URL:
        // those lines stay off whatever the Logging section says, so tokens never reach a log.
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, RequestLogCategory, LogLevel.Warning, null)));
        services.AddCommand<WebCommand>();
        return services;
    }
}
