using System.Text.Json;
using BriefingBot.Hosting;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// One Socket Mode envelope: acknowledged by envelope_id within Slack's 3 seconds (a slash command's inline answer
/// rides on the acknowledgement), then interactions and events are handled.
/// </summary>
public sealed partial class SlackEnvelopeHandler(
    SlackCommandHandler commands,
    SlackInteractionHandler interactions,
    SlackEventHandler events,
    ShutdownDrain drain,
    ILogger<SlackEnvelopeHandler> logger)
{
    public async Task HandleAsync(SocketFrame envelope, Func<SocketAck, Task> acknowledge)
    {
        using var lease = drain.Begin();
        var id = envelope.EnvelopeId!;
        var stopping = drain.Aborted;
        switch (envelope.Type)
        {
            case "slash_commands" when Parse(envelope, SlackJsonContext.Default.SlashCommandPayload) is { ChannelId: not null, UserId: not null, Command: not null } command:
                var inline = await commands.HandleAsync(command, envelope.AcceptsResponsePayload, stopping);
                await acknowledge(new SocketAck(id, inline?.Value));
                break;
            case "interactive" when Parse(envelope, SlackJsonContext.Default.InteractionPayload) is { } interaction:
                await acknowledge(new SocketAck(id));
                await interactions.HandleAsync(interaction, stopping);
                break;
            case "events_api" when Parse(envelope, SlackJsonContext.Default.EventsApiPayload) is { } payload:
                await acknowledge(new SocketAck(id));
                await events.HandleAsync(payload, stopping);
                break;
            default:
                // Acknowledged anyway, so that Slack does not redeliver what we cannot use.
                LogUnusable(envelope.Type ?? "?", id);
                await acknowledge(new SocketAck(id));
                break;
        }
    }

    private static T? Parse<T>(SocketFrame envelope, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return envelope.Payload is { ValueKind: JsonValueKind.Object } payload ? payload.Deserialize(type) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Socket Mode envelope {EnvelopeId} of type {Type} could not be used; acknowledged")]
    private partial void LogUnusable(string type, string envelopeId);
}
