using BriefingBot.Chat;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Slack as an <see cref="IChatPlatform"/>: messages by chat.postMessage (joining a public channel once when the
/// bot is not in it), updates by chat.update, private answers by chat.postEphemeral, threads by thread_ts.
/// A reply that needs several messages is sent as several; an update that needs several continues in the thread.
/// </summary>
public sealed class SlackChatPlatform(SlackApiClient api) : IChatPlatform
{
    /// <summary>
    /// Slack's 50 blocks and 12,000 characters as the renderer applies them (buttons go in actions blocks of 25, as
    /// many as the blocks allow); eight sections a message keep a long answer readable.
    /// </summary>
    public static ChatLimits MessageLimits { get; } = new(
        SlackContext.Platform,
        int.MaxValue,
        8,
        reply => SlackRenderer.Render(reply).Count == 1);

    private string? teamId;

    public string Name => SlackContext.Platform;

    public ChatLimits Limits => MessageLimits;

    /// <summary>A bot token belongs to one team, so every channel it posts to is in the team auth.test names.</summary>
    public async Task<string?> WorkspaceOfChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        var team = Volatile.Read(ref teamId);
        if (team is null)
        {
            team = (await api.AuthTestAsync(cancellationToken)).TeamId;
            Volatile.Write(ref teamId, team);
        }

        return team;
    }

    public async Task<MessageRef> SendAsync(string channelId, ChatReply reply, CancellationToken cancellationToken)
    {
        var first = await PostAllAsync(channelId, SlackRenderer.Render(reply), threadTs: null, cancellationToken);
        await UploadImageAsync(channelId, null, reply, cancellationToken);
        return first;
    }

    public async Task UpdateAsync(MessageRef message, ChatReply reply, CancellationToken cancellationToken)
    {
        var messages = SlackRenderer.Render(reply);
        await api.UpdateAsync(new UpdateMessageRequest(message.ChannelId, message.MessageId, messages[0].Text, messages[0].Blocks), cancellationToken);
        if (messages.Count > 1)
        {
            await PostAllAsync(message.ChannelId, [.. messages.Skip(1)], message.MessageId, cancellationToken);
        }

        await UploadImageAsync(message.ChannelId, message.MessageId, reply, cancellationToken);
    }

    public async Task SendPrivateAsync(string channelId, string userId, ChatReply reply, CancellationToken cancellationToken)
    {
        foreach (var message in SlackRenderer.Render(reply with { Ephemeral = true }))
        {
            await api.PostEphemeralAsync(new PostEphemeralRequest(channelId, userId, message.Text, message.Blocks), cancellationToken);
        }
    }

    /// <summary>
    /// chat.postMessage to the user id posts in the app's DM with that user. Slack has no deduplication, so the key is unused.
    /// A bot, a deactivated or unknown user cannot get one: <see cref="DirectMessageRefusedException"/>.
    /// </summary>
    public async Task<MessageRef> SendDirectAsync(string userId, ChatReply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            var messages = SlackRenderer.Render(reply with { Mention = null, Ephemeral = false });
            MessageRef? first = null;
            foreach (var message in messages)
            {
                var posted = await api.PostMessageAsync(new PostMessageRequest(userId, message.Text, message.Blocks), cancellationToken);
                first ??= new MessageRef(SlackContext.Platform, posted.Channel ?? userId, posted.Ts ?? string.Empty);
            }

            return first!;
        }
        catch (SlackApiException ex) when (DmRefusals.Contains(ex.Error))
        {
            throw new DirectMessageRefusedException($"Slack refused the direct message ({ex.Error})", ex);
        }
    }

    private static readonly HashSet<string> DmRefusals = new(StringComparer.Ordinal)
    {
        "cannot_dm_bot", "user_not_found", "user_disabled", "account_inactive", "channel_not_found", "messages_tab_disabled", "not_allowed_token_type",
    };

    public async Task<MessageRef> OpenThreadAsync(MessageRef parent, string title, ChatReply reply, CancellationToken cancellationToken)
    {
        var titled = reply with { Text = string.IsNullOrWhiteSpace(reply.Text) ? title : title + "\n" + reply.Text };
        var first = await PostAllAsync(parent.ChannelId, SlackRenderer.Render(titled), parent.MessageId, cancellationToken);
        await UploadImageAsync(parent.ChannelId, parent.MessageId, reply, cancellationToken);
        return first;
    }

    /// <summary>Slack threads hang off the parent's ts.</summary>
    public async Task<MessageRef> ReplyInThreadAsync(MessageRef parent, MessageRef thread, ChatReply reply, CancellationToken cancellationToken)
    {
        var first = await PostAllAsync(parent.ChannelId, SlackRenderer.Render(reply), parent.MessageId, cancellationToken);
        await UploadImageAsync(parent.ChannelId, parent.MessageId, reply, cancellationToken);
        return first;
    }

    private async Task<MessageRef> PostAllAsync(string channelId, IReadOnlyList<SlackMessage> messages, string? threadTs, CancellationToken cancellationToken)
    {
        MessageRef? first = null;
        foreach (var message in messages)
        {
            var request = new PostMessageRequest(channelId, message.Text, message.Blocks, threadTs);
            PostMessageResponse posted;
            try
            {
                posted = await api.PostMessageAsync(request, cancellationToken);
            }
            catch (SlackApiException ex) when (ex.Error == "not_in_channel")
            {
                await api.JoinAsync(channelId, cancellationToken);
                posted = await api.PostMessageAsync(request, cancellationToken);
            }

            first ??= new MessageRef(SlackContext.Platform, posted.Channel ?? channelId, posted.Ts ?? string.Empty);
        }

        return first!;
    }

    private async Task UploadImageAsync(string channelId, string? threadTs, ChatReply reply, CancellationToken cancellationToken)
    {
        if (reply.Image is { Url: null } image)
        {
            await api.UploadImageAsync(channelId, threadTs, image, cancellationToken);
        }
    }
}
