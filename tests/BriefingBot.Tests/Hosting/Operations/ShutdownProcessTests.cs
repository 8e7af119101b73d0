using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Tests.Hosting.Operations;

/// <summary>
/// SIGTERM while a command is in flight, on the built worker: the gateway is closed resumably first (no new work), the
/// command still gets its answer, and the process exits 0. The slow path is a real one: <c>/article add</c> of a page on
/// a loopback server that holds its response until the test releases it.
/// </summary>
public sealed class ShutdownProcessTests : IAsyncDisposable
{
    private const string Title = "Ceasefire talks resume after the shutdown test";

    private readonly BotProcess bot = new();
    private readonly TaskCompletionSource requested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeDiscord? discord;
    private WebApplication? slowSite;
    private RunningBot? worker;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sigterm_CommandInFlight_GatewayClosedResumablyCommandAnsweredExitCodeZero()
    {
        var pageUrl = await StartSlowSiteAsync();
        discord = await FakeDiscord.StartAsync();
        var gateway = new TaskCompletionSource<FakeGatewaySocket>(TaskCreationOptions.RunContinuationsAsynchronously);
        discord.Gateway.Enqueue(async socket =>
        {
            await socket.HelloAsync(45_000);
            await socket.ExpectAsync(2);
            await socket.ReadyAsync("shutdown-session");
            gateway.TrySetResult(socket);
            await socket.WaitClosedAsync();
        });
        bot.Environment["BriefingBot__Discord__Token"] = DiscordBotHost.Token;
        bot.Environment["BriefingBot__Discord__ApplicationId"] = DiscordBotHost.ApplicationId;
        bot.Environment["BriefingBot__Discord__ApiBaseUrl"] = discord.ApiBase.ToString();
        bot.Environment["BriefingBot__Articles__AllowPrivateHosts"] = "true";
        bot.Environment["BriefingBot__Articles__IngestSamples"] = "false";
        bot.Environment["BriefingBot__Hosting__ShutdownTimeoutSeconds"] = "90";
        worker = bot.Start("--urls", "http://127.0.0.1:0");
        var socket = await gateway.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        var add = $$"""[{"type":1,"name":"add","options":[{"type":3,"name":"source","value":"{{pageUrl}}"}]}]""";
        await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("article", add, id: "7701"));
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await worker.TerminateAsync();
        var closeCode = await socket.ClosedByClient.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.False(worker.HasExited, "the worker exited with the command still in flight");
        release.SetResult();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(0, exitCode);
        Assert.NotNull(closeCode);
        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        // Deferred then edited (PATCH @original) when the fetch outlasted the 2.5 s deferral, else answered in the callback.
        var answer = Assert.Single(discord.Requests, r =>
            (r.Method == "PATCH" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal))
            || (r.Path.EndsWith("/callback", StringComparison.Ordinal) && r.Json.GetProperty("type").GetInt32() == 4));
        var content = answer.Method == "PATCH" ? answer.Json.GetProperty("content") : answer.Json.GetProperty("data").GetProperty("content");
        Assert.Contains(Title, content.GetString(), StringComparison.Ordinal);
        Assert.Contains("waiting for 1 interaction(s) in flight", worker.Error, StringComparison.Ordinal);
        Assert.Contains("checkpointed and closed", worker.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(Path.GetDirectoryName(bot.DatabasePath)!, "*-wal"), f => new FileInfo(f).Length > 0);
    }

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        bot.Dispose();
        if (discord is not null)
        {
            await discord.DisposeAsync();
        }

        if (slowSite is not null)
        {
            await slowSite.DisposeAsync();
        }
    }

    private async Task<string> StartSlowSiteAsync()
    {
        slowSite = LoopbackServer.CreateBuilder().Build();
        slowSite.MapGet("/slow", async (HttpContext context) =>
        {
            requested.TrySetResult();
            await release.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return Results.Content(SampleText.Html(77, Title), "text/html; charset=utf-8");
        });
        await slowSite.StartAsync(Ct);
        return LoopbackServer.Address(slowSite) + "/slow";
    }
}
