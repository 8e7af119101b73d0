using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Platforms.Slack;

/// <summary>The shape samples Slack's Java SDK team collected (every field seen, values blanked) parse with our records.</summary>
public sealed class SlackPayloadSampleTests
{
    private static readonly string Samples = Path.Combine(SharedFolder.Path, "platform-specs", "slack", "java-slack-sdk-json-logs-samples");

    [Fact]
    public void Parse_SlashCommandSample_AllFieldsAccepted() =>
        Assert.NotNull(Parse("app-backend/slash-commands/SlashCommandPayload.json", SlackJsonContext.Default.SlashCommandPayload).Command);

    [Fact]
    public void Parse_BlockActionSample_ActionsAndContainerRead()
    {
        var payload = Parse("app-backend/interactive-components/BlockActionPayload.json", SlackJsonContext.Default.InteractionPayload);

        Assert.NotEmpty(payload.Actions!);
        Assert.NotNull(payload.Container);
        Assert.NotNull(payload.User?.Id);
    }

    [Fact]
    public void Parse_AppMentionSample_EventRead()
    {
        var payload = Parse("events/AppMentionPayload.json", SlackJsonContext.Default.EventsApiPayload);

        var mention = payload.Event!.Value.Deserialize(SlackJsonContext.Default.SlackEvent)!;

        Assert.NotNull(payload.EventId);
        Assert.NotNull(mention.Channel);
        Assert.NotNull(mention.ThreadTs);
    }

    [Fact]
    public void Parse_EveryEventSample_OuterWrapperAccepted()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Samples, "events"), "*.json"))
        {
            var payload = JsonSerializer.Deserialize(File.ReadAllText(file), SlackJsonContext.Default.EventsApiPayload);
            Assert.True(payload?.Event is { ValueKind: JsonValueKind.Object }, file);
        }
    }

    [Fact]
    public void Parse_WebApiResponseSamples_Accepted()
    {
        Assert.NotNull(Parse("api/apps.connections.open.json", SlackJsonContext.Default.ConnectionsOpenResponse).Url);
        Assert.NotNull(Parse("api/chat.postMessage.json", SlackJsonContext.Default.PostMessageResponse).Ts);
        Assert.NotNull(Parse("api/chat.postEphemeral.json", SlackJsonContext.Default.PostEphemeralResponse).MessageTs);
        Assert.NotNull(Parse("api/chat.update.json", SlackJsonContext.Default.SlackApiResponse));
        Assert.Equal("C00000000", Parse("api/conversations.join.json", SlackJsonContext.Default.ConversationResponse).Channel?.Id);
        Assert.Equal("F00000000", Parse("api/files.getUploadURLExternal.json", SlackJsonContext.Default.UploadUrlResponse).FileId);
        Assert.NotNull(Parse("api/files.completeUploadExternal.json", SlackJsonContext.Default.SlackApiResponse));
    }

    [Fact]
    public void Parse_SocketModeFrames_TypesReasonsAndEnvelopesRead()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFolder.Path, "platform-specs", "slack", "socket-mode-messages.json")));
        var frames = document.RootElement.GetProperty("server_to_client").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.Deserialize(SlackJsonContext.Default.SocketFrame)!);

        Assert.Equal("hello", frames["hello_docs"].Type);
        Assert.Equal("link_disabled", frames["disconnect_link_disabled"].Reason);
        Assert.Equal("refresh_requested", frames["disconnect_refresh_requested"].Reason);
        var command = frames["envelope_slash_commands"];
        Assert.True(command.AcceptsResponsePayload);
        Assert.Equal("/randorilke", command.Payload!.Value.Deserialize(SlackJsonContext.Default.SlashCommandPayload)!.Command);
        var action = frames["envelope_interactive_block_actions"].Payload!.Value.Deserialize(SlackJsonContext.Default.InteractionPayload)!;
        Assert.Equal("WaXA", action.Actions!.Single().ActionId);
        Assert.Equal(0, frames["envelope_events_api_app_mention"].RetryAttempt);
    }

    private static T Parse<T>(string relativePath, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(Samples, relativePath)), type)!;
}
