using System.Text.Json;
using BriefingBot.Actors;
using BriefingBot.Chat.Commands;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Commands;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Actors;

/// <summary>/actor through Discord's HTTP interactions endpoint, against the fake Discord.</summary>
public sealed class ActorDiscordTests : IAsyncLifetime
{
    private readonly InteractionSigner signer = new();
    private FakeDiscord fake = null!;
    private DiscordBotHost bot = null!;
    private HttpClient http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, services => services.AddActors(), signer.PublicKeyHex);
        http = new HttpClient { BaseAddress = bot.BaseAddress };
        await ActorSeed.StoreAsync(bot.Services, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await bot.DisposeAsync();
        await fake.DisposeAsync();
        signer.Dispose();
    }

    [Fact]
    public async Task Autocomplete_PartOfAnAlias_SuggestsItWithItsActor()
    {
        var options = """[{"type":3,"name":"name","value":"pyong","focused":true}]""";

        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("actor", options, type: 4)), Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(8, json.GetProperty("type").GetInt32());
        var choice = json.GetProperty("data").GetProperty("choices").EnumerateArray().First();
        Assert.Equal(("Pyongyang → North Korea", "Pyongyang"), (choice.GetProperty("name").GetString(), choice.GetProperty("value").GetString()));
        Assert.Empty(DiscordSchema.Validate("POST", "/interactions/1/t/callback", body));
    }

    [Fact]
    public async Task Autocomplete_OneLetter_AtMost25Choices()
    {
        var options = """[{"type":3,"name":"name","value":"s","focused":true}]""";

        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("actor", options, type: 4)), Ct);

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(25, json.GetProperty("data").GetProperty("choices").GetArrayLength());
    }

    [Fact]
    public async Task Command_Actor_CardEditedInWithTheChartAsMultipartAttachment()
    {
        var options = """[{"type":3,"name":"name","value":"North Korea"}]""";

        using var response = await http.SendAsync(signer.Request(InteractionJson.Command("actor", options)), Ct);
        var patch = await fake.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.Equal(5, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("type").GetInt32());
        Assert.StartsWith("multipart/form-data", patch.ContentType, StringComparison.Ordinal);
        Assert.Equal(["files[0]=actor-kp.png"], patch.Files);
        var embeds = patch.Json.GetProperty("embeds").ToString();
        Assert.Contains("Sovereign state in East Asia", embeds, StringComparison.Ordinal);
        Assert.Contains("3 mentions in 2 articles", embeds, StringComparison.Ordinal);
        Assert.Contains("Russia (1)", embeds, StringComparison.Ordinal);
        Assert.Empty(DiscordSchema.Validate(patch));
    }

    [Fact]
    public void Map_ActorCommands_RegistersActorWithNameAndActorsWithTopAndAliasGroup()
    {
        var definitions = new CommandDefinition[]
        {
            new ActorCommand(null!, null!, null!, null!, null!, null!).Definition,
            new ActorsTopCommand(null!, null!).Definition,
            new ActorsAliasAddCommand(null!, null!).Definition,
            new ActorsAliasRemoveCommand(null!, null!).Definition,
        };

        var set = ApplicationCommandMapper.Map(definitions);

        Assert.Empty(set.Skipped);
        var actor = set.Commands.Single(c => c.Name == "actor");
        Assert.Equal(["name"], actor.Options!.Select(o => o.Name));
        var actors = set.Commands.Single(c => c.Name == "actors");
        Assert.Equal(["top", "alias"], actors.Options!.Select(o => o.Name));
        Assert.Equal(["add", "remove"], actors.Options!.Single(o => o.Name == "alias").Options!.Select(o => o.Name));
    }
}
