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
        if (payload.Type != "event_callback" || payload.Event is not { } slackEvent)
        {
            return;
        }

        if (payload.EventId is { } id && !deduplicator.TryClaim(id))
        {
            LogDuplicate(id);
            return;
        }

        try
        {
            if (slackEvent is { Type: "app_mention", BotId: null, Channel: { } channel })
            {
                var reply = SlackRenderer.Render(Chat.ChatReply.Message(MentionAnswer))[0];
                await api.PostMessageAsync(new PostMessageRequest(channel, reply.Text, reply.Blocks, slackEvent.ThreadTs ?? slackEvent.Ts), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogEventFailed(ex, slackEvent.Type ?? "?");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack event {EventId} was already handled (a retry); skipped")]
    private partial void LogDuplicate(string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {EventType} event failed")]
    private partial void LogEventFailed(Exception exception, string eventType);
}
