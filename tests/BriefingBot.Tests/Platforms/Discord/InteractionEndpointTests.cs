using BriefingBot.Chat.Components;
using System.Net;
using System.Text.Json;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Platforms.Discord;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace BriefingBot.Tests.Platforms.Discord;

public sealed class InteractionEndpointTests : IAsyncLifetime
{
    private readonly InteractionSigner signer = new();
    private readonly SlowCommand.Gate slowGate = new();
    private FakeDiscord fake = null!;
    private DiscordBotHost bot = null!;
    private HttpClient http = null!;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, services =>
        {
            services.AddSingleton(slowGate);
            services.AddCommand<ArticleSearchStandIn>();
            services.AddCommand<SlowCommand>();
            services.AddCommand<LongCommand>();
            services.AddCommand<PickCommand>();
            services.AddCommand<ChartCommand>();
            services.AddSingleton<IComponentHandler, PollButtons>();
            services.AddSingleton<IComponentHandler, ThrowingButtons>();
        }, signer.PublicKeyHex);
        http = new HttpClient { BaseAddress = bot.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        slowGate.Release.TrySetResult();
        http.Dispose();
        await bot.DisposeAsync();
        await fake.DisposeAsync();
        signer.Dispose();
    }

    [Fact]
    public async Task Post_SignedPing_AnswersPongAsJson()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Ping), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Post_HelpCommand_AnswersEphemeralEmbedsThatMatchTheSchema()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("help")), TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(4, json.GetProperty("type").GetInt32());
        var data = json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Empty(data.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        var titles = data.GetProperty("embeds").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("/article search <query>", titles);
        Assert.Contains("/help [command]", titles);
        Assert.Empty(DiscordSchema.Validate("POST", "/interactions/1/t/callback", body));
    }

    [Fact]
    public async Task Post_SubcommandWithOption_DispatchesFullNameAndValue()
    {
        var options = """[{"type":1,"name":"search","options":[{"type":3,"name":"query","value":"north korea"}]}]""";

        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("article", options, permissions: "8")), TestContext.Current.CancellationToken);

        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("data");
        Assert.Equal("Results for \"north korea\" asked by Ana (admin: True)", data.GetProperty("content").GetString());
        Assert.False(data.TryGetProperty("flags", out _));
    }

    public static TheoryData<string> BadSignatureCases() => ["missing", "wrong-key", "tampered-body", "stale", "future", "garbage"];

    [Theory]
    [MemberData(nameof(BadSignatureCases))]
    public async Task Post_BadSignature_Returns401(string kind)
    {
        using var otherKey = Key.Create(SignatureAlgorithm.Ed25519);
        var request = kind switch
        {
            "wrong-key" => signer.Request(InteractionJson.Ping, signWith: otherKey),
            "stale" => signer.Request(InteractionJson.Ping, DateTimeOffset.UtcNow.AddMinutes(-6)),
            "future" => signer.Request(InteractionJson.Ping, DateTimeOffset.UtcNow.AddMinutes(6)),
            _ => signer.Request(InteractionJson.Ping),
        };
        switch (kind)
        {
            case "missing":
                request.Headers.Remove("X-Signature-Ed25519");
                break;
            case "tampered-body":
                request.Content = new StringContent(InteractionJson.Ping.Replace("1000", "1001", StringComparison.Ordinal));
                break;
            case "garbage":
                request.Headers.Remove("X-Signature-Ed25519");
                request.Headers.Add("X-Signature-Ed25519", "not-hex-at-all");
                break;
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        request.Dispose();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":99}")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":\"two\"}")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":2,\"data\":{\"name\":5}}")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":99999999999999999999}")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":2")]
    public async Task Post_SignedMalformedBody_Returns400(string body)
    {
        using var response = await http.SendAsync(signer.Request(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":2}")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":2,\"data\":{\"name\":\"nosuch\"}}")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":2,\"data\":{\"name\":\"article\",\"options\":[{\"type\":1,\"name\":\"search\",\"options\":[{\"type\":3,\"name\":\"query\",\"value\":{\"x\":1}}]}]}}")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":4,\"data\":{\"name\":\"pick\"}}")]
    [InlineData("{\"id\":\"1\",\"token\":\"t\",\"type\":3}")]
    public async Task Post_SignedOddButParseableInteraction_AnswersWithoutServerError(string body)
    {
        using var response = await http.SendAsync(signer.Request(body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_SlowHandler_DefersThenEditsOriginalThroughWebhook()
    {
        var started = DateTimeOffset.UtcNow;
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("slow")), TestContext.Current.CancellationToken);
        var elapsed = DateTimeOffset.UtcNow - started;

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal(5, json.GetProperty("type").GetInt32());
        // The handler is still blocked on its gate, so an answer at all proves the deferral; the budget sets the floor.
        // No upper bound: wall-clock ceilings flake on a loaded machine (the 3 s figure is a benchmark matter).
        Assert.True(elapsed >= TimeSpan.FromSeconds(2), $"deferred after only {elapsed}");
        Assert.DoesNotContain(fake.Requests, r => r.Method == "PATCH");

        slowGate.Release.SetResult();
        var patch = await fake.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.Equal($"/api/v10/webhooks/{DiscordBotHost.ApplicationId}/{InteractionJson.InteractionToken}/messages/@original", patch.Path);
        Assert.Equal("finally done", patch.Json.GetProperty("content").GetString());
        Assert.Equal($"Bot {DiscordBotHost.Token}", patch.Authorization);
        Assert.Empty(DiscordSchema.Validate(patch));
    }

    [Fact]
    public async Task Post_SlowPrivateHandler_DeletesPublicPlaceholderAndFollowsUpEphemerally()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("slow", """[{"type":5,"name":"private","value":true}]""")), TestContext.Current.CancellationToken);
        Assert.Equal(5, JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("type").GetInt32());

        slowGate.Release.SetResult();
        var followUp = await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith("/api/v10/webhooks/", StringComparison.Ordinal));

        Assert.Contains(fake.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal));
        Assert.Equal(64, followUp.Json.GetProperty("flags").GetInt32());
        Assert.Empty(DiscordSchema.Validate(followUp));
    }

    [Fact]
    public async Task Post_ReplyLongerThanOneMessage_FirstInResponseRestAsFollowUps()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("long")), TestContext.Current.CancellationToken);
        var first = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("data").GetProperty("content").GetString()!;

        await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal) && r.Body.Contains("line 300 ", StringComparison.Ordinal));

        var followUps = fake.Requests.Where(r => r.Method == "POST" && r.Path.Contains("/webhooks/", StringComparison.Ordinal)).ToList();
        var lines = new[] { first }.Concat(followUps.Select(f => f.Json.GetProperty("content").GetString()!)).SelectMany(c => c.Split('\n')).ToList();
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"line {i} of the long answer"), lines);
        Assert.All(followUps, f => Assert.Empty(DiscordSchema.Validate(f)));
    }

    [Fact]
    public async Task Post_ReplyWithImage_DefersThenEditsOriginalWithMultipartAttachment()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("chart")), TestContext.Current.CancellationToken);
        Assert.Equal(5, JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("type").GetInt32());

        var patch = await fake.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.StartsWith("multipart/form-data", patch.ContentType, StringComparison.Ordinal);
        Assert.Equal(["files[0]=votes.png"], patch.Files);
        Assert.Equal("Votes", patch.Json.GetProperty("content").GetString());
        Assert.Empty(DiscordSchema.Validate(patch));
    }

    [Fact]
    public async Task SendPrivateAsync_AfterUsersInteraction_FollowsUpEphemerallyInThatChannel()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("help")), TestContext.Current.CancellationToken);
        var platform = bot.Services.GetRequiredService<IChatPlatform>();

        await platform.SendPrivateAsync("222222222222222222", "444444444444444444", ChatReply.Message("your vote is in"), TestContext.Current.CancellationToken);

        var followUp = await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Body.Contains("your vote is in", StringComparison.Ordinal));
        Assert.StartsWith($"/api/v10/webhooks/{DiscordBotHost.ApplicationId}/{InteractionJson.InteractionToken}", followUp.Path, StringComparison.Ordinal);
        Assert.Equal(64, followUp.Json.GetProperty("flags").GetInt32());
        Assert.DoesNotContain(fake.Requests, r => r.Path.EndsWith("/users/@me/channels", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_Autocomplete_AnswersAtMost25Choices()
    {
        var options = """[{"type":3,"name":"actor","value":"Ki","focused":true}]""";

        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("pick", options, type: 4)), TestContext.Current.CancellationToken);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(8, json.GetProperty("type").GetInt32());
        var choices = json.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal(25, choices.Count);
        Assert.Equal("Ki-1", choices[0].GetProperty("value").GetString());
        Assert.Empty(DiscordSchema.Validate("POST", "/interactions/1/t/callback", body));
    }

    [Fact]
    public async Task Post_KnownButton_RoutesToHandlerByPrefix()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Component("poll:vote:42:likely")), TestContext.Current.CancellationToken);

        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("data");
        Assert.Equal("vote poll:vote:42:likely by 555555555555555555", data.GetProperty("content").GetString());
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Post_UnknownButton_AnswersNoLongerActiveEphemerally()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Component("digest:old:7")), TestContext.Current.CancellationToken);

        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("data");
        Assert.Equal("This button is no longer active.", data.GetProperty("content").GetString());
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Post_ButtonHandlerThrows_AnswersEphemeralErrorNot5xx()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Component("boom:1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("data");
        Assert.StartsWith("⚠️", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task Post_ModalSubmit_PassesFieldValuesToHandler()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Modal("poll:create")), TestContext.Current.CancellationToken);

        var data = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("data");
        Assert.Equal("vote poll:create by 555555555555555555 question=Will it rain?", data.GetProperty("content").GetString());
    }

    [Fact]
    public async Task Post_AnyInteraction_NeverLogsTheToken()
    {
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("help")), TestContext.Current.CancellationToken);
        await fake.WaitForRequestAsync(r => r.Method == "PUT");

        Assert.DoesNotContain(DiscordBotHost.Token, bot.AllLogText, StringComparison.Ordinal);
    }
}
