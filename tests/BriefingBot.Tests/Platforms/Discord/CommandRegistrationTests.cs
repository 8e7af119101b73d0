using System.Text.Json;
using BriefingBot.Chat.Commands;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Commands;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Platforms.Discord;

public sealed class CommandRegistrationTests
{
    private const string AnyPublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    [Fact]
    public void Map_GroupsAndOptions_BecomeSubcommandsWithDiscordOptionTypes()
    {
        var definitions = new[]
        {
            new CommandDefinition("help", "Help", [new CommandOption("command", "Which")]),
            new CommandDefinition("article search", "Search", [new CommandOption("limit", "How many", OptionType.Integer), new CommandOption("query", "Words", Required: true)]),
            new CommandDefinition("article add", "Add"),
            new CommandDefinition("actor alias add", "Alias", [new CommandOption("name", "Name") { Autocomplete = true }]),
            new CommandDefinition("digest schedule", "Schedule", [new CommandOption("every", "When", Required: true) { Choices = ["daily", "weekly"] }, new CommandOption("weight", "w", OptionType.Number), new CommandOption("quiet", "q", OptionType.Boolean)]),
        };

        var set = ApplicationCommandMapper.Map(definitions);

        Assert.Equal(["actor", "article", "digest", "help"], set.Commands.Select(c => c.Name));
        var article = set.Commands.Single(c => c.Name == "article");
        Assert.All(article.Options!, o => Assert.Equal(1, o.Type));
        var search = article.Options!.Single(o => o.Name == "search");
        Assert.Equal(["query", "limit"], search.Options!.Select(o => o.Name));
        Assert.Equal([3, 4], search.Options!.Select(o => o.Type));
        var alias = set.Commands.Single(c => c.Name == "actor").Options!.Single();
        Assert.Equal((2, "alias"), (alias.Type, alias.Name));
        Assert.True(alias.Options!.Single().Options!.Single().Autocomplete);
        var schedule = set.Commands.Single(c => c.Name == "digest").Options!.Single();
        Assert.Equal([3, 10, 5], schedule.Options!.Select(o => o.Type));
        Assert.Equal(["daily", "weekly"], schedule.Options![0].Choices!.Select(c => c.Value));
        Assert.Empty(set.Skipped);

        var body = JsonSerializer.Serialize(set.Commands, DiscordJsonContext.Default.IReadOnlyListApplicationCommand);
        Assert.Empty(DiscordSchema.Validate("PUT", "/applications/1/commands", body));
    }

    [Fact]
    public void Map_NameThatIsCommandAndGroup_SkipsTheLeafAndSaysSo()
    {
        var set = ApplicationCommandMapper.Map([new CommandDefinition("actor", "Show"), new CommandDefinition("actor alias add", "Alias")]);

        Assert.Equal(["actor"], set.Skipped);
        Assert.Equal(2, set.Commands.Single().Options!.Single().Type);
    }

    [Fact]
    public void Validate_BodyBreakingDiscordLimits_SchemaReportsErrors()
    {
        var tooLong = JsonSerializer.Serialize(new MessagePayload(new string('x', 4001), [new Embed(new string('t', 257))]), DiscordJsonContext.Default.MessagePayload);
        var badCommand = """[{"name":"this-name-is-far-longer-than-thirty-two-chars","description":"d","type":1}]""";

        Assert.NotEmpty(DiscordSchema.Validate("POST", "/channels/1/messages", tooLong));
        Assert.NotEmpty(DiscordSchema.Validate("PUT", "/applications/1/commands", badCommand));
    }

    [Fact]
    public async Task Start_TwiceWithSameCommands_RegistersOnceThenSkips()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var folder = Directory.CreateTempSubdirectory("briefingbot-discord-reg-").FullName;
        await using (var first = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, s => s.AddCommand<ArticleSearchStandIn>(), AnyPublicKey, dataFolder: folder))
        {
            var put = await fake.WaitForRequestAsync(r => r.Method == "PUT");
            Assert.Equal($"/api/v10/applications/{DiscordBotHost.ApplicationId}/commands", put.Path);
            Assert.Equal(["article", "help"], put.Json.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            Assert.Empty(DiscordSchema.Validate(put));

            // The hash is stored after Discord answered the PUT; stopping before that would make the second start re-register.
            await WaitForLogAsync(first, "Registered");
        }

        await using (var second = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, s => s.AddCommand<ArticleSearchStandIn>(), AnyPublicKey, dataFolder: folder))
        {
            await WaitForLogAsync(second, "unchanged");
        }

        Assert.Single(fake.Requests, r => r.Method == "PUT");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Start_WithGuildIds_RegistersPerGuild()
    {
        await using var fake = await FakeDiscord.StartAsync();
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, publicKeyHex: AnyPublicKey, settings: new()
        {
            ["Discord:GuildIds:0"] = "700000000000000001",
            ["Discord:GuildIds:1"] = "700000000000000002",
        });

        await fake.WaitForRequestAsync(r => r.Path.EndsWith("700000000000000002/commands", StringComparison.Ordinal));

        Assert.Contains(fake.Requests, r => r.Path == $"/api/v10/applications/{DiscordBotHost.ApplicationId}/guilds/700000000000000001/commands");
        Assert.DoesNotContain(fake.Requests, r => r.Path == $"/api/v10/applications/{DiscordBotHost.ApplicationId}/commands");
    }

    private static async Task WaitForLogAsync(DiscordBotHost bot, string text)
    {
        for (var i = 0; i < 800 && !bot.AllLogText.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.Contains(text, bot.AllLogText, StringComparison.Ordinal);
    }
}
