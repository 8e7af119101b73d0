using System.Net;
using System.Text.Json.Nodes;
using BriefingBot.Actors;
using BriefingBot.Platforms.Slack;
using BriefingBot.Storage;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Actors;

/// <summary>/actor as a Slack slash command (HTTP mode), against the fake Slack: card inline, chart uploaded beside it.</summary>
public sealed class ActorSlackTests : IDisposable
{
    private const string Form = "application/x-www-form-urlencoded";
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Command_ActorPyongyang_CardInlineThenChartUploadedToTheChannel()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, Configure);
        await ActorSeed.StoreAsync(bot.Services, Ct);

        using var response = await bot.PostSignedAsync("/slack/commands", SlackHttpEndpointTests.CommandBody("/actor", "Pyongyang", slack), Form, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("in_channel", json["response_type"]!.GetValue<string>());
        var blocks = json["blocks"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Pyongyang → North Korea (reached through the alias", blocks, StringComparison.Ordinal);
        Assert.Contains("3 mentions in 2 articles", blocks, StringComparison.Ordinal);
        var complete = Assert.Single(await slack.WaitForCallsAsync("files.completeUploadExternal", 1, Ct));
        Assert.Contains("C1", complete.Body, StringComparison.Ordinal);
        var upload = Assert.Single(slack.CallsTo("files.getUploadURLExternal"));
        Assert.Contains("actor-kp.png", upload.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_ActorAliasAddByNonAdmin_RefusedEphemerally()
    {
        await using var slack = await FakeSlack.StartAsync(Ct);
        await using var bot = await SlackTestHost.StartAsync(slack, SlackMode.Http, Ct, Configure);

        using var response = await bot.PostSignedAsync(
            "/slack/commands", SlackHttpEndpointTests.CommandBody("/actor", "alias add actor:Russia alias:Bear", slack, user: "U2"), Form, Ct);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Equal("ephemeral", json["response_type"]!.GetValue<string>());
        Assert.Contains("Only admins can teach aliases.", json["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    private void Configure(IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddStorage();
        services.PostConfigure<StorageOptions>(o => o.SqlitePath = Path.Combine(folder.Path, "bot.db"));
        services.AddActors();
    }
}
