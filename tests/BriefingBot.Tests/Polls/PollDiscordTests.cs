using System.Text.Json;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Discord;
using BriefingBot.Polls;
using BriefingBot.Tests.Analysis.Actors;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Polls;

/// <summary>Polls over Discord's signed HTTP interactions, against the fake Discord API.</summary>
public sealed class PollDiscordTests : IAsyncLifetime
{
    private const string Channel = "222222222222222222";
    private readonly InteractionSigner signer = new();
    private FakeDiscord fake = null!;
    private DiscordBotHost bot = null!;
    private HttpClient http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, services =>
        {
            services.AddPolls(BotMode.Worker);
            services.PostConfigure<PollsOptions>(o => o.CountUpdateDelay = TimeSpan.FromMilliseconds(200));
        }, signer.PublicKeyHex);
        http = new HttpClient { BaseAddress = bot.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await bot.DisposeAsync();
        await fake.DisposeAsync();
        signer.Dispose();
    }

    [Fact]
    public async Task ButtonVotes_SignedInteractions_PrivateAcksCountOnlyUpdatesAndChartOnClose()
    {
        var created = await CommandAsync("create", """[{"type":3,"name":"question","value":"Will the port reopen?"},{"type":3,"name":"closes","value":"in 2 days"},{"type":3,"name":"resolves","value":"in 5 days"}]""", "2001");
        Assert.Equal(64, created.GetProperty("flags").GetInt32());
        Assert.StartsWith("Poll #1 is posted", created.GetProperty("content").GetString(), StringComparison.Ordinal);
        var posted = await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/api/v10/channels/{Channel}/messages");
        var buttons = posted.Json.GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("custom_id").GetString()).ToList();
        Assert.Equal(ProbabilityBand.Ids.Select(id => $"poll:vote:1:{id}"), buttons);

        var first = await ButtonAsync("poll:vote:1:likely", "2002");
        Assert.Equal(64, first.GetProperty("flags").GetInt32());
        Assert.StartsWith("Your vote on poll #1: Likely (55-80 %), counted as 67.5 %", first.GetProperty("content").GetString(), StringComparison.Ordinal);

        var update = await fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.StartsWith($"/api/v10/channels/{Channel}/messages/", StringComparison.Ordinal));
        Assert.Contains("1 vote so far", update.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("67.5", update.Body, StringComparison.Ordinal);

        var changed = await ButtonAsync("poll:vote:1:unlikely", "2003");
        Assert.Contains("(changed from 67.5 %)", changed.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await bot.Services.GetRequiredService<IPollStore>().CountVotesAsync(1, Ct));

        var closed = await CommandAsync("close", """[{"type":4,"name":"id","value":1}]""", "2004");
        Assert.StartsWith("Poll #1 is closed", closed.GetProperty("content").GetString(), StringComparison.Ordinal);
        var result = await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Files.Count > 0);
        Assert.Equal($"/api/v10/channels/{Channel}/messages", result.Path);
        Assert.Equal(["files[0]=poll-1.png"], result.Files);
        Assert.Contains("32.5 %", result.Body, StringComparison.Ordinal);
        await fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Body.Contains("(closed)", StringComparison.Ordinal));

        var late = await ButtonAsync("poll:vote:1:likely", "2005");
        Assert.Equal(64, late.GetProperty("flags").GetInt32());
        Assert.StartsWith("This poll closed at", late.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollThis_UnknownDevelopment_AnswersPrivateError()
    {
        var answer = await ButtonAsync("poll:new:12345", "2101");

        Assert.Equal(64, answer.GetProperty("flags").GetInt32());
        Assert.Contains("There is no development #12345", answer.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PollThis_StoredDevelopment_PreviewsPrivatelyThenPostsWithItsQuestion()
    {
        var articles = bot.Services.GetRequiredService<IArticleStore>();
        var added = await articles.AddAsync(TestArticles.Create("Troops for Russia",
            "Pyongyang is considering sending soldiers to Russia, citing unnamed intelligence sources. Markets were calm.", published: DateTimeOffset.UtcNow), Ct);
        var extractor = new DevelopmentExtractor(TestCatalog.Recognizer);
        await bot.Services.GetRequiredService<IAnalysisStore>().SaveAsync(added.ArticleId, extractor.Analyze((await articles.GetAsync(added.ArticleId, Ct))!), Ct);
        var development = Assert.Single(await bot.Services.GetRequiredService<IDevelopmentStore>().ListForArticlesAsync([added.ArticleId], Ct));

        var preview = await ButtonAsync($"poll:new:{development.Id}", "2201");

        Assert.Equal(64, preview.GetProperty("flags").GetInt32());
        var embed = preview.GetProperty("embeds")[0];
        Assert.Equal(development.Development.Question, embed.GetProperty("title").GetString());
        Assert.Contains($"/poll create development:{development.Id} question:", embed.ToString(), StringComparison.Ordinal);
        var post = preview.GetProperty("components")[0].GetProperty("components")[0];
        Assert.Equal($"poll:post:{development.Id}", post.GetProperty("custom_id").GetString());

        var posted = await ButtonAsync($"poll:post:{development.Id}", "2202");

        Assert.StartsWith("Poll #1 is posted", posted.GetProperty("content").GetString(), StringComparison.Ordinal);
        var message = await fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/api/v10/channels/{Channel}/messages");
        Assert.Contains(development.Development.Question, message.Body, StringComparison.Ordinal);
        var poll = await bot.Services.GetRequiredService<IPollStore>().GetAsync(1, Ct);
        Assert.Equal((development.Id, development.Development.ResolveBy), (poll!.DevelopmentId!.Value, poll.ResolveBy));
        Assert.Equal(development.Development.Actors.Select(a => a.Id).Distinct(), poll.ActorIds);

        var options = $$"""[{"type":1,"name":"create","options":[{"type":3,"name":"development","value":"","focused":true}]}]""";
        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("poll", options, "2203", type: 4)), Ct);
        var choices = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("data").GetProperty("choices");
        Assert.Contains(choices.EnumerateArray(), c => c.GetProperty("value").GetString() == development.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<JsonElement> CommandAsync(string subcommand, string options, string id)
    {
        var body = InteractionJson.Command("poll", $$"""[{"type":1,"name":"{{subcommand}}","options":{{options}} }]""", id);
        return await SendAsync(body);
    }

    private Task<JsonElement> ButtonAsync(string customId, string id) => SendAsync(InteractionJson.Component(customId, id));

    /// <summary>The answer's data: from the response, or, when the handler was slower than Discord's budget and the response
    /// was deferred, from the webhook call that delivers it later.</summary>
    private async Task<JsonElement> SendAsync(string body)
    {
        var before = fake.Requests.Count;
        using var response = await http.SendAsync(signer.Request(body), Ct);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        if (json.GetProperty("type").GetInt32() == 5)
        {
            var late = await fake.WaitForRequestAsync(
                r => fake.Requests.ToList().IndexOf(r) >= before && r.Method is "POST" or "PATCH" && r.Path.Contains("/webhooks/", StringComparison.Ordinal),
                TimeSpan.FromSeconds(30));
            return late.Json;
        }

        Assert.Equal(4, json.GetProperty("type").GetInt32());
        return json.GetProperty("data");
    }
}
