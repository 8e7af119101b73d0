using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
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
        services.AddChannelWorkspaces();
        if (!configuration.GetValue<bool>(WebOptions.Section + ":" + nameof(WebOptions.Enabled)) || mode is BotMode.Analyze or BotMode.HealthCheck)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebAccess>();
        services.TryAddSingleton<WebPages>();
        services.AddSingleton<ICommandObserver, WebChannelRecorder>();
        services.AddRazorComponents();

        // Razor components bring ASP.NET Core data protection, which would write a key ring to the home folder and warn
        // at every start of a fresh container. Nothing here needs it (the session cookie is a random id looked up in the
        // store), so its keys live in memory only.
        services.AddDataProtection();
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new MemoryXmlRepository();
            o.XmlEncryptor = new NullXmlEncryptor();
        });

        // A link carries its token in the query, and ASP.NET Core's request lines (Information) print the whole URL:
        // those lines stay off whatever the Logging section says, so tokens never reach a log.
        services.Configure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, RequestLogCategory, LogLevel.Warning, null)));
        services.AddCommand<WebCommand>();
        return services;
    }

    /// <summary>Data protection keys kept in memory for the life of the process.</summary>
    private sealed class MemoryXmlRepository : IXmlRepository
    {
        private readonly List<XElement> elements = [];

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            lock (elements)
            {
                return [.. elements.Select(e => new XElement(e))];
            }
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            lock (elements)
            {
                elements.Add(new XElement(element));
            }
        }
    }
}
