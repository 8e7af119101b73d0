using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Gateway;
using BriefingBot.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>The bot's Discord side on real Kestrel, configured as a user would (configuration keys only), pointed at a <see cref="FakeDiscord"/>.</summary>
internal sealed class DiscordBotHost : IAsyncDisposable
{
    public const string Token = "fake-bot-token.DO-NOT-LOG";
    public const string ApplicationId = "111111111111111111";

    private readonly WebApplication app;
    private readonly string? ownedFolder;

    private DiscordBotHost(WebApplication app, string? ownedFolder, CapturingLoggerProvider logs)
    {
        this.app = app;
        this.ownedFolder = ownedFolder;
        Logs = logs;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => app.Services;

    public CapturingLoggerProvider Logs { get; }

    public static async Task<DiscordBotHost> StartAsync(
        FakeDiscord fake,
        DiscordMode mode,
        Action<IServiceCollection>? configure = null,
        string? publicKeyHex = null,
        Dictionary<string, string?>? settings = null,
        string? dataFolder = null)
    {
        var folder = dataFolder ?? Directory.CreateTempSubdirectory("briefingbot-discord-").FullName;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:Mode"] = mode.ToString(),
            ["Discord:PublicKey"] = publicKeyHex,
            ["Discord:ApiBaseUrl"] = fake.ApiBase.ToString(),
            ["Discord:GatewayUrl"] = fake.GatewayUrl.ToString(),
            ["Storage:SqlitePath"] = Path.Combine(folder, "data", "briefingbot.db"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new GatewayTimings
        {
            ReconnectDelay = TimeSpan.FromMilliseconds(50),
            InvalidSessionDelayMin = TimeSpan.FromMilliseconds(10),
            InvalidSessionDelayMax = TimeSpan.FromMilliseconds(50),
            IdentifyWindow = TimeSpan.FromMilliseconds(200),
        });
        services.AddCommandDispatch();
        services.AddStorage();
        configure?.Invoke(services);
        services.AddDiscord(BotMode.Worker, builder.Configuration);

        var app = builder.Build();
        app.MapDiscord();
        await app.StartAsync();
        var host = new DiscordBotHost(app, dataFolder is null ? folder : null, logs)
        {
            BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
        };
        return host;
    }

    public string AllLogText => string.Join('\n', Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownedFolder is null)
        {
            return;
        }

        try
        {
            Directory.Delete(ownedFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
