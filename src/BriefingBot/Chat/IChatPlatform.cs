namespace BriefingBot.Chat;

/// <summary>A connected chat platform: the only way features talk to Discord, Slack or the shell.</summary>
public interface IChatPlatform
{
    /// <summary>Lower-case platform name: <c>shell</c>, <c>discord</c>, <c>slack</c>.</summary>
    string Name { get; }

    /// <summary>What one message may carry here; a platform without limits prints everything as one message.</summary>
    ChatLimits Limits => ChatLimits.Unlimited(Name);

    Task<MessageRef> SendAsync(string channelId, ChatReply reply, CancellationToken cancellationToken);

    /// <summary>
    /// The workspace (Discord server, Slack team) the channel is in, asked of the platform, for a channel that only
    /// configuration names; null where the platform cannot tell (a DM, the shell, a channel the bot cannot see).
    /// </summary>
    Task<string?> WorkspaceOfChannelAsync(string channelId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>
    /// Sends like <see cref="SendAsync"/>, for a caller that may repeat the call after a crash. A platform that can
    /// deduplicate (Discord's enforced nonce) makes a repeat with the same short <paramref name="idempotencyKey"/>
    /// return the first message instead of posting again; the others simply send.
    /// </summary>
    Task<MessageRef> SendOnceAsync(string channelId, ChatReply reply, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(channelId, reply, cancellationToken);

    Task UpdateAsync(MessageRef message, ChatReply reply, CancellationToken cancellationToken);

    Task SendPrivateAsync(string channelId, string userId, ChatReply reply, CancellationToken cancellationToken);

    /// <summary>
    /// Sends a direct message to <paramref name="userId"/>, outside any channel (Discord opens the DM channel, Slack posts to
    /// the user id), deduplicated by <paramref name="idempotencyKey"/> like <see cref="SendOnceAsync"/> where the platform can.
    /// Throws <see cref="DirectMessageRefusedException"/> when the user cannot get one (DMs closed, user gone).
    /// </summary>
    Task<MessageRef> SendDirectAsync(string userId, ChatReply reply, string idempotencyKey, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} cannot send direct messages.");

    Task<MessageRef> OpenThreadAsync(MessageRef parent, string title, ChatReply reply, CancellationToken cancellationToken);

    /// <summary>
    /// Posts into a thread opened earlier: <paramref name="thread"/> is what <see cref="OpenThreadAsync"/> returned for
    /// <paramref name="parent"/> (Discord posts in the thread channel, Slack replies under the parent's ts).
    /// </summary>
    Task<MessageRef> ReplyInThreadAsync(MessageRef parent, MessageRef thread, ChatReply reply, CancellationToken cancellationToken);
}

public sealed record MessageRef(string Platform, string ChannelId, string MessageId);
