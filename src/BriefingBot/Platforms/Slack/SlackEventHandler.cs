using System.Text.Json;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Events API callbacks, each handled once per event_id. BriefingBot works through slash commands; a mention
/// gets a pointer to /help in its thread.
/// </summary>
public sealed partial class SlackEventHandler(SlackEventDeduplicator deduplicator, SlackApiClient api, ILogger<SlackEventHandler> logger)
{
    public const string MentionAnswer = "I answer slash commands. Type /help to see them.";

    public async Task HandleAsync(EventsApiPayload payload, CancellationToken cancellationToken)
    {
        if (payload.Type != "event_callback" || payload.Event is not { ValueKind: JsonValueKind.Object } raw)
        {
            return;
        }

        if (payload.EventId is { } id && !deduplicator.TryClaim(id))
        {
            LogDuplicate(id);
            return;
        }

        var type = raw.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        try
        {
            if (type == "app_mention" && raw.Deserialize(SlackJsonContext.Default.SlackEvent) is { BotId: null, Channel: { } channel } slackEvent)
            {
                var reply = SlackRenderer.Render(Chat.ChatReply.Message(MentionAnswer))[0];
                await api.PostMessageAsync(new PostMessageRequest(channel, reply.Text, reply.Blocks, slackEvent.ThreadTs ?? slackEvent.Ts), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEventFailed(ex, type ?? "?");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId} was already handled (a retry); skipped")]
    private partial void LogDuplicate(string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {EventType} event failed")]
    private partial void LogEventFailed(Exception exception, string eventType);
}
