using BriefingBot.Actors;
using BriefingBot.Analysis;
using BriefingBot.Articles;
using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Chat.Commands;
using BriefingBot.Digests;
using BriefingBot.Follows;
using BriefingBot.Hosting.Telemetry;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Shell;
using BriefingBot.Platforms.Slack;
using BriefingBot.Polls;
using BriefingBot.Scheduling;
using BriefingBot.Storage;
using BriefingBot.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace BriefingBot.Hosting;

public static class BriefingBotBuilder
{
    /// <summary>Environment variables in this form override config/appsettings.json: BriefingBot__Storage__Provider.</summary>
    public const string EnvironmentPrefix = "BriefingBot__";

    /// <summary>The whole bot: configuration, logging, chat seam, storage, features and platforms.</summary>
    public static WebApplicationBuilder AddBriefingBot(this WebApplicationBuilder builder, BotCommandLine commandLine)
    {
        AddConfiguration(builder.Configuration);
        AddLogging(builder, commandLine.Mode);

        var services = builder.Services;
        services.AddSingleton(commandLine);
        services.AddSingleton(TimeProvider.System);
        if (commandLine.Mode is BotMode.Ingest or BotMode.Analyze or BotMode.HealthCheck or BotMode.Feeds
            || (commandLine.Mode == BotMode.Shell && string.IsNullOrEmpty(builder.Configuration["urls"])))
        {
            services.AddSingleton<IServer, NoHttpServer>();
        }

        services.AddTelemetry(commandLine.Mode, builder.Configuration);
        services.AddCommandDispatch();
        if (commandLine.Mode != BotMode.Analyze)
        {
            // analyze reads files and prints; it must not create or migrate a store.
            services.AddStorage();
        }

        AddShutdown(services);

        services.AddScheduling(commandLine.Mode, builder.Configuration);
        services.AddArticles(commandLine.Mode);
        if (commandLine.Mode != BotMode.Analyze)
        {
            services.AddFeeds(commandLine.Mode);
        }
        services.AddAnalysis();
        if (commandLine.Mode != BotMode.Analyze)
        {
            services.AddActors();
        }

        services.AddPolls(commandLine.Mode);
        services.AddDigests(commandLine.Mode, builder.Configuration);
        services.AddWeb(commandLine.Mode, builder.Configuration);
        services.AddFollows(commandLine.Mode);

        // Platforms: one line each.
        services.AddShell(commandLine.Mode, builder.Configuration);
        services.AddSlack(commandLine.Mode, builder.Configuration);
        services.AddDiscord(commandLine.Mode, builder.Configuration);
        return builder;
    }

    public static WebApplication MapBriefingBot(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Json(new { status = "alive" }));
        app.MapGet("/readyz", Readiness.CheckAsync);
        app.MapTelemetry();
        app.MapActorCharts();
        app.MapSlack();
        app.MapDiscord();
        app.MapWeb();
        return app;
    }

    public static async Task<int> RunBriefingBotAsync(this WebApplication app, BotCommandLine commandLine, CancellationToken cancellationToken)
    {
        switch (commandLine.Mode)
        {
            case BotMode.Ingest:
                await app.StartAsync(cancellationToken);
                var exitCode = await IngestCommandLine.RunAsync(app.Services, commandLine.Arguments, app.Lifetime.ApplicationStopping);
                await app.StopAsync(cancellationToken);
                return exitCode;
            case BotMode.Analyze:
                await app.StartAsync(cancellationToken);
                var analyzeExitCode = await AnalyzeCommandLine.RunAsync(app.Services, commandLine.Arguments, app.Lifetime.ApplicationStopping);
                await app.StopAsync(cancellationToken);
                return analyzeExitCode;
            case BotMode.Feeds:
                await app.StartAsync(cancellationToken);
                var feedsExitCode = await FeedsCommandLine.RunAsync(app.Services, commandLine.Arguments, app.Lifetime.ApplicationStopping);
                await app.StopAsync(cancellationToken);
                return feedsExitCode;
            case BotMode.HealthCheck:
                return await HealthCheckCommandLine.RunAsync(app.Configuration["urls"], cancellationToken);
            default:
                var fatalError = app.Services.GetRequiredService<FatalError>(); // RunAsync disposes the services
                try
                {
                    await app.RunAsync();
                }
                catch (OperationCanceledException) when (fatalError.Message is not null)
                {
                    // The start was cut short by the fatal error itself: the message below says why.
                }

                if (fatalError.Message is { } fatal)
                {
                    throw new BotStartupException(fatal);
                }

                return Environment.ExitCode;
        }
    }

    /// <summary>
    /// SIGTERM: platforms (stopped first, in reverse registration order) stop taking work and close their sockets, then
    /// <see cref="ShutdownDrain"/> waits for accepted work, then the store is flushed; all within Hosting:ShutdownTimeoutSeconds.
    /// </summary>
    private static void AddShutdown(IServiceCollection services)
    {
        services.AddValidatedOptions<HostingOptions>(HostingOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<HostingOptions>>((host, hosting) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(hosting.Value.ShutdownTimeoutSeconds));
        services.TryAddSingleton<FatalError>();
        services.TryAddSingleton<ShutdownDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
    }

    private static void AddConfiguration(ConfigurationManager configuration)
    {
        // config/appsettings.json ships beside the binary; environment (BriefingBot__Section__Key) and the command line override it.
        var json = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), Optional = false };
        json.ResolveFileProvider();
        var sources = configuration.Sources;
        sources.Insert(0, json);
        var environment = new EnvironmentVariablesConfigurationSource { Prefix = EnvironmentPrefix };
        var commandLineIndex = sources.ToList().FindLastIndex(s => s is CommandLineConfigurationSource);
        sources.Insert(commandLineIndex < 0 ? sources.Count : commandLineIndex, environment);
    }

    private static void AddLogging(WebApplicationBuilder builder, BotMode mode)
    {
        // Standard output belongs to the chat (shell replies, ingest counts); logs go to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (mode != BotMode.Worker || ShellServiceCollectionExtensions.Runs(mode, builder.Configuration))
        {
            // The shell and the one-shot commands are for people at a terminal: only warnings and errors.
            builder.Logging.AddFilter((string?)null, LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        }
    }
}
