using System.Text.Json;
using BriefingBot.Platforms.Discord.Interactions;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Platforms.Discord;

public sealed class InteractionReaderTests
{
    [Theory]
    [InlineData("testCommandInteraction", InteractionType.ApplicationCommand, "test")]
    [InlineData("buttonInteraction", InteractionType.MessageComponent, null)]
    public void Parse_RealDiscordPayloads_ReadsWhatWeUse(string name, InteractionType type, string? command)
    {
        var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFolder.Path, "platform-specs", "discord", "real-interaction-payloads.ssMMiles-core-tests-data.json"))).RootElement;

        var interaction = InteractionEndpoint.Parse(JsonSerializer.SerializeToUtf8Bytes(file.GetProperty(name)));

        Assert.NotNull(interaction);
        Assert.Equal(type, interaction.Type);
        Assert.Equal(command, interaction.Data?.Name);
        var context = InteractionReader.Context(interaction);
        Assert.Equal(("discord", "690256246003204228", "170531778354741248", "goblin giggler"), (context.Platform, context.ChannelId, context.UserId, context.UserName));
        Assert.True(context.IsAdmin);
        Assert.False(context.IsOperator);
        Assert.Equal(interaction.GuildId, context.WorkspaceId);
        Assert.False(string.IsNullOrEmpty(context.WorkspaceId));
    }

    [Fact]
    public void Context_DirectMessage_WorkspaceIsTheUsersDm()
    {
        var json = """{"id":"1","type":2,"token":"t","channel":{"id":"5"},"user":{"id":"6","username":"dm"},"data":{"name":"help"}}""";

        var context = InteractionReader.Context(InteractionEndpoint.Parse(System.Text.Encoding.UTF8.GetBytes(json))!);

        Assert.Equal("dm:6", context.WorkspaceId);
        Assert.Equal("discord:dm:6", context.Tenant);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("8", true)]
    [InlineData("32", true)]
    [InlineData("16", true)]
    [InlineData("4", false)]
    [InlineData("2147483648", false)]
    [InlineData("4398046511103", true)]
    [InlineData(null, false)]
    [InlineData("-8", false)]
    public void IsAdmin_PermissionBits_AdministratorManageServerOrManageChannels(string? permissions, bool expected) =>
        Assert.Equal(expected, InteractionReader.IsAdmin(permissions));

    [Fact]
    public void Command_SubcommandGroupWithTypedOptions_FullNameAndStringValues()
    {
        var json = """
            {"id":"1","type":2,"token":"t","channel":{"id":"5"},"user":{"id":"6","username":"dm"},
             "data":{"name":"actor","options":[{"type":2,"name":"alias","options":[{"type":1,"name":"add","options":[
               {"type":3,"name":"name","value":"DPRK"},{"type":4,"name":"count","value":3},{"type":10,"name":"weight","value":0.5},{"type":5,"name":"quiet","value":false}]}]}]}}
            """;
        var interaction = InteractionEndpoint.Parse(System.Text.Encoding.UTF8.GetBytes(json))!;

        var request = InteractionReader.Command(interaction);

        Assert.Equal("actor alias add", request.Name);
        Assert.Equal(new Dictionary<string, string> { ["name"] = "DPRK", ["count"] = "3", ["weight"] = "0.5", ["quiet"] = "false" }, request.RawOptions);
        Assert.Equal(("5", "6", "dm", false), (request.Context.ChannelId, request.Context.UserId, request.Context.UserName, request.Context.IsAdmin));
    }
}
