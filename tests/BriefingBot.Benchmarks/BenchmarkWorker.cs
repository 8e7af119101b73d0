using BriefingBot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Benchmarks;

/// <summary>The real worker, composed in process as Program.cs composes it, on a loopback port with its SQLite file in a temporary folder.</summary>
internal sealed class BenchmarkWorker : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string folder;

    private BenchmarkWorker(WebApplication app, string folder, Uri address)
    {
        this.app = app;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Starts the worker configured by <paramref name="switches"/> plus loopback, storage and quiet-logging switches.</summary>
    public static async Task<BenchmarkWorker> StartAsync(IEnumerable<string> switches, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("briefingbot-bench-http-").FullName;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            .. switches,
            "--Storage:SqlitePath", Path.Combine(folder, "briefingbot.db"),
            "--Articles:IngestSamples", "false",
            "--Logging:LogLevel:Default", "Warning",
        ];
        var commandLine = BotCommandLine.Parse(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.ConfigurationArgs });
        builder.AddBriefingBot(commandLine);
        var app = builder.Build();
        app.MapBriefingBot();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchmarkWorker(app, folder, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
