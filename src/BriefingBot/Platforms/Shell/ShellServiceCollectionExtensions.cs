using BriefingBot.Chat;
using BriefingBot.Hosting;

namespace BriefingBot.Platforms.Shell;

public static class ShellServiceCollectionExtensions
{
    /// <summary>
    /// The shell runs for the <c>shell</c> command, and for the plain worker when no other platform is
    /// configured (no Discord token, no Slack bot token), as Hubot's shell adapter does.
    /// </summary>
    public static IServiceCollection AddShell(this IServiceCollection services, BotMode mode, IConfiguration configuration)
    {
        if (Runs(mode, configuration))
        {
            services.AddSingleton<IShellConsole, SystemShellConsole>();
            services.AddSingleton<ShellChatPlatform>();
            services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<ShellChatPlatform>());
            services.AddHostedService<ShellService>();
        }

        return services;
    }

    /// <summary>Whether this process talks to a person at the terminal.</summary>
    public static bool Runs(BotMode mode, IConfiguration configuration)
    {
        var noPlatform = string.IsNullOrEmpty(configuration["Discord:Token"]) && string.IsNullOrEmpty(configuration["Slack:BotToken"]);
        // Shell:Enabled=false keeps a worker without platforms running headless (a container has no terminal).
        return mode == BotMode.Shell || (mode == BotMode.Worker && noPlatform && configuration.GetValue("Shell:Enabled", true));
    }
}
