using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BriefingBot.Tests.TestDoubles;
using NSec.Cryptography;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>
/// The issue's "Must show", as a new user would see it: the built worker executable, configured by environment
/// variables only (as docs/discord.md says), with its own SQLite file and the sample articles, against the fake Discord.
/// </summary>
public sealed partial class DiscordProcessEndToEndTests : IAsyncLifetime
{
    private const int OnlyTheUserSeesIt = 64; // the EPHEMERAL message flag: docs/discord.md says help is visible only to the user

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(20);
    private readonly BotProcess bot = new();
    private FakeDiscord fake = null!;
    private RunningBot? worker;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        bot.Environment["BriefingBot__Discord__Token"] = DiscordBotHost.Token;
        bot.Environment["BriefingBot__Discord__ApplicationId"] = DiscordBotHost.ApplicationId;
        bot.Environment["BriefingBot__Discord__ApiBaseUrl"] = fake.ApiBase.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        await fake.DisposeAsync();
        bot.Dispose();
    }

    [Fact]
    public async Task Worker_GatewayModeFromEnvironment_AnswersHelpAndSearchThenResumesAndAnswersOnce()
    {
        var identified = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var resumed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        fake.Gateway.Enqueue(async socket =>
        {
            await socket.HelloAsync(45_000);
            identified.TrySetResult(await socket.ExpectAsync(2));
            await socket.ReadyAsync("e2e-session");
            await socket.WaitClosedAsync();
        });
        fake.Gateway.Enqueue(async socket =>
        {
            await socket.HelloAsync(45_000);
            var resume = await socket.ExpectAsync(6);
            await socket.DispatchAsync("RESUMED", "{}", resume.GetProperty("d").GetProperty("seq").GetInt64() + 1);
            resumed.TrySetResult(resume);
            await socket.WaitClosedAsync();
        });

        worker = bot.Start("--urls", "http://127.0.0.1:0");
        var identify = await identified.Task.WaitAsync(StartTimeout, TestContext.Current.CancellationToken);
        await worker.WaitForErrorAsync(SamplesIngested(), StartTimeout);
        var first = await fake.Gateway.WaitForConnectionAsync(0);

        Assert.Equal(DiscordBotHost.Token, identify.GetProperty("d").GetProperty("token").GetString());
        Assert.Equal(0, identify.GetProperty("d").GetProperty("intents").GetInt32());
        Assert.Contains(fake.Requests, r => r.Method == "GET" && r.Path.StartsWith("/api/v10/gateway/bot", StringComparison.Ordinal));

        await first.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "7101"));
        var help = await CallbackAsync("7101");
        Assert.Contains("/article search <query>", EmbedTitles(help));
        Assert.Contains("/actor <name>", EmbedTitles(help)); // more than 10 commands: the rest follow as further messages
        Assert.Equal(OnlyTheUserSeesIt, help.GetProperty("flags").GetInt32());

        using var probe = new HttpClient { BaseAddress = await worker.WaitForListeningAddressAsync() };
        var readiness = await probe.GetStringAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("\"discord\":\"connected\"", readiness, StringComparison.Ordinal);

        await first.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("article", SearchOptions("Pyongyang"), id: "7102"));
        var search = await CallbackAsync("7102");
        Assert.Matches("""^\d+ stor(y|ies) matching "Pyongyang":$""", search.GetProperty("content").GetString());
        Assert.Contains(EmbedTitles(search), t => NorthKoreaTroopsSample().IsMatch(t));

        var lastSequence = first.Sequence;
        await first.CloseAsync(4000);
        var resumeFrame = await resumed.Task.WaitAsync(ReplyTimeout, TestContext.Current.CancellationToken);
        var second = await fake.Gateway.WaitForConnectionAsync(1);

        Assert.Equal("/resume", second.Path);
        Assert.Equal("e2e-session", resumeFrame.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(lastSequence, resumeFrame.GetProperty("d").GetProperty("seq").GetInt64());
        Assert.Single(fake.Gateway.Connections.SelectMany(c => c.Received), f => f.GetProperty("op").GetInt32() == 2);

        // After the resume: one interaction, delivered twice as a replay would, then a marker that shows the bot caught up.
        var afterResume = InteractionJson.Command("help", id: "7103");
        await second.DispatchAsync("INTERACTION_CREATE", afterResume, lastSequence + 2);
        await second.DispatchAsync("INTERACTION_CREATE", afterResume, lastSequence + 2);
        await second.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "7104"), lastSequence + 3);
        await CallbackAsync("7104");
        await CallbackAsync("7103");

        Assert.Single(fake.Requests, r => r.Path.Contains("/interactions/7103/", StringComparison.Ordinal));
        Assert.False(worker.HasExited, worker.Error);
    }

    [Fact]
    public async Task Worker_HttpModeFromEnvironment_AnswersSignedHelpAndRefusesBadSignature()
    {
        using var signer = new InteractionSigner();
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        bot.Environment["BriefingBot__Discord__Mode"] = "Http";
        bot.Environment["BriefingBot__Discord__PublicKey"] = signer.PublicKeyHex;

        worker = bot.Start("--urls", "http://127.0.0.1:0");
        var address = await worker.WaitForListeningAddressAsync(StartTimeout);
        using var http = new HttpClient { BaseAddress = address, Timeout = ReplyTimeout };

        using var ping = await http.SendAsync(signer.Request(InteractionJson.Ping), TestContext.Current.CancellationToken);
        using var help = await http.SendAsync(signer.Request(InteractionJson.Command("help")), TestContext.Current.CancellationToken);
        using var forged = await http.SendAsync(signer.Request(InteractionJson.Command("help"), signWith: otherKey), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(1, Body(await ping.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).GetProperty("type").GetInt32());
        Assert.Equal(HttpStatusCode.OK, help.StatusCode);
        var helpData = Body(await help.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).GetProperty("data");
        Assert.Contains("/article search <query>", EmbedTitles(helpData));
        Assert.Contains("/actor <name>", EmbedTitles(helpData));
        Assert.Equal(OnlyTheUserSeesIt, helpData.GetProperty("flags").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(fake.Gateway.Connections);
    }

    private static string SearchOptions(string query) =>
        $$"""[{"type":1,"name":"search","options":[{"type":3,"name":"query","value":"{{query}}"}]}]""";

    private static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement;

    private static List<string> EmbedTitles(JsonElement data) =>
        [.. data.GetProperty("embeds").EnumerateArray().Select(e => e.GetProperty("title").GetString()!)];

    [GeneratedRegex(@"Samples from .+: ingested [1-9]\d*")]
    private static partial Regex SamplesIngested();

    [GeneratedRegex(@"^#\d+ .*North Korea.*troops", RegexOptions.IgnoreCase)]
    private static partial Regex NorthKoreaTroopsSample();

    /// <summary>The <c>data</c> of the one callback the bot made for interaction <paramref name="interactionId"/>.</summary>
    private async Task<JsonElement> CallbackAsync(string interactionId)
    {
        var callback = await fake.WaitForRequestAsync(r => r.Path.Contains($"/interactions/{interactionId}/", StringComparison.Ordinal), ReplyTimeout);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        return callback.Json.GetProperty("data");
    }
}
