using System.Text.Json;
using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Shell;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>
/// The worker as Program composes it (AddBriefingBot / MapBriefingBot), configured only by keys, against the fake
/// Discord. The article store stands in for the storage feature, which this branch does not have.
/// </summary>
public sealed class DiscordWorkerCompositionTests : IAsyncLifetime
{
    private readonly InteractionSigner signer = new();
    private readonly string folder = Directory.CreateTempSubdirectory("briefingbot-discord-worker-").FullName;
    private FakeDiscord fake = null!;
    private WebApplication? app;

    public async ValueTask InitializeAsync() => fake = await FakeDiscord.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await fake.DisposeAsync();
        signer.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Worker_HttpMode_AnswersHelpAndArticleSearchAndRunsNoShell()
    {
        var baseAddress = await StartWorkerAsync("Http");
        using var http = new HttpClient { BaseAddress = baseAddress };

        using var help = await http.SendAsync(signer.Request(InteractionJson.Command("help")), TestContext.Current.CancellationToken);
        var searchOptions = """[{"type":1,"name":"search","options":[{"type":3,"name":"query","value":"troops"}]}]""";
        using var search = await http.SendAsync(signer.Request(InteractionJson.Command("article", searchOptions)), TestContext.Current.CancellationToken);

        var helpTitles = Data(await help.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).GetProperty("embeds").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("/article search <query>", helpTitles);
        var searchData = Data(await search.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("1 story matching \"troops\":", searchData.GetProperty("content").GetString());
        Assert.Equal("#7 North Korean troops seen near the front", searchData.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.DoesNotContain(app!.Services.GetServices<IHostedService>(), s => s is ShellService);
        var put = await fake.WaitForRequestAsync(r => r.Method == "PUT");
        Assert.Contains("article", put.Json.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Empty(DiscordSchema.Validate(put));
    }

    [Fact]
    public async Task Worker_GatewayMode_AnswersArticleSearchOverTheCallbackEndpoint()
    {
        var searchOptions = """[{"type":1,"name":"search","options":[{"type":3,"name":"query","value":"troops"}]}]""";
        fake.Gateway.Enqueue(async socket =>
        {
            await socket.HelloAsync(45_000);
            await socket.ExpectAsync(2);
            await socket.ReadyAsync("worker-session");
            await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("article", searchOptions, id: "7001"));
            await socket.WaitClosedAsync();
        });

        await StartWorkerAsync("Gateway");
        var callback = await fake.WaitForRequestAsync(r => r.Path.Contains("/interactions/7001/", StringComparison.Ordinal));

        Assert.Equal("1 story matching \"troops\":", callback.Json.GetProperty("data").GetProperty("content").GetString());
        Assert.Empty(DiscordSchema.Validate(callback));
    }

    private async Task<Uri> StartWorkerAsync(string mode)
    {
        string[] args =
        [
            "--Discord:Token=" + DiscordBotHost.Token,
            "--Discord:ApplicationId=" + DiscordBotHost.ApplicationId,
            "--Discord:Mode=" + mode,
            "--Discord:PublicKey=" + signer.PublicKeyHex,
            "--Discord:ApiBaseUrl=" + fake.ApiBase,
            "--Discord:GatewayUrl=" + fake.GatewayUrl,
            "--Storage:SqlitePath=" + Path.Combine(folder, "data", "briefingbot.db"),
            "--Articles:IngestSamples=false",
            "--urls=http://127.0.0.1:0",
        ];
        var commandLine = BotCommandLine.Parse(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.ConfigurationArgs });
        builder.AddBriefingBot(commandLine);
        builder.Services.AddSingleton(ArticleStore());
        builder.Services.AddSingleton(Substitute.For<IArticleIngestor>());
        app = builder.Build();
        app.MapBriefingBot();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    private static IArticleStore ArticleStore()
    {
        var store = Substitute.For<IArticleStore>();
        store.SearchAsync("troops", Arg.Any<int>(), Arg.Any<CancellationToken>()).Returns(
        [
            new ArticleSearchHit(7, "North Korean troops seen near the front", "Wire", "https://example.com/a", DateTimeOffset.UnixEpoch, "**troops** moved", 1, 7),
        ]);
        // Chat workspaces see shared articles: every id the store is asked about is shared here.
        store.VisibleToAsync(Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => (IReadOnlySet<long>)call.Arg<IReadOnlyCollection<long>>().ToHashSet());
        return store;
    }

    private static JsonElement Data(string body) => JsonDocument.Parse(body).RootElement.GetProperty("data");
}
