using BriefingBot.Chat;

namespace BriefingBot.Platforms.Slack;

/// <summary>Sends the rendered messages of an answer: through response_url while it lasts, then chat.postMessage / chat.postEphemeral.</summary>
public sealed partial class SlackReplySender(SlackApiClient api, TimeProvider time, ILogger<SlackReplySender> logger)
{
    public static SlashCommandResponse ToResponse(SlackMessage message, bool ephemeral) =>
        new(ephemeral ? "ephemeral" : "in_channel", message.Text, message.Blocks);

    public async Task DeliverAsync(SlackResponseTarget target, IReadOnlyList<SlackMessage> messages, ChatReply reply, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            if (target.TryUseResponseUrl(time.GetUtcNow()))
            {
                try
                {
                    await api.PostToResponseUrlAsync(target.ResponseUrl!, ToResponse(message, reply.Ephemeral) with { ReplaceOriginal = false }, cancellationToken);
                    continue;
                }
                catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
                {
                    LogResponseUrlFailed(ex);
                }
            }

            if (reply.Ephemeral)
            {
                await api.PostEphemeralAsync(new PostEphemeralRequest(target.ChannelId, target.UserId, message.Text, message.Blocks), cancellationToken);
            }
            else
            {
                await api.PostMessageAsync(new PostMessageRequest(target.ChannelId, message.Text, message.Blocks), cancellationToken);
            }
        }

        if (reply.Image is { Url: null } image && !reply.Ephemeral)
        {
            await api.UploadImageAsync(target.ChannelId, threadTs: null, image, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting to a response_url failed; sending through the Web API instead")]
    private partial void LogResponseUrlFailed(Exception exception);
}
