using BriefingBot.Chat;
using BriefingBot.Platforms.Discord.Interactions;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Platforms.Discord.Rendering;
using BriefingBot.Platforms.Discord.Rest;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Discord;

/// <summary>Discord behind the platform seam: replies go out over REST, split into as many messages as the limits need.</summary>
public sealed class DiscordChatPlatform(DiscordRestClient rest, RecentInteractions recent, IOptions<DiscordOptions> options) : IChatPlatform
{
    /// <summary>Discord's limits as the renderer applies them: 10 embeds, 6,000 embed characters, 2,000 content characters, 25 buttons.</summary>
    public static ChatLimits MessageLimits { get; } = new(
        InteractionReader.PlatformName,
        DiscordLimits.ActionRows * DiscordLimits.ButtonsPerRow,
        DiscordLimits.EmbedsPerMessage,
        reply => DiscordRenderer.Render(reply).Count == 1);

    public string Name => InteractionReader.PlatformName;

    public ChatLimits Limits => MessageLimits;

    /// <summary>The channel's server (<c>guild_id</c> of GET /channels/{id}); null for a DM or a channel the bot cannot see (403, 404).</summary>
    public async Task<string?> WorkspaceOfChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        try
        {
            return (await rest.GetChannelAsync(channelId, cancellationToken)).GuildId;
        }
        catch (DiscordApiException ex) when (ex.StatusCode is 403 or 404)
        {
            return null;
        }
    }

    /// <summary>Sends every part; the reference is to the first message, the one a later update replaces.</summary>
    public async Task<MessageRef> SendAsync(string channelId, ChatReply reply, CancellationToken cancellationToken)
    {
        DiscordMessage? first = null;
        foreach (var part in DiscordRenderer.Render(reply with { Ephemeral = false }))
        {
            var sent = await rest.CreateMessageAsync(channelId, part, cancellationToken);
            first ??= sent;
        }

        return new MessageRef(Name, channelId, first!.Id);
    }

    /// <summary>
    /// Each rendered part carries the nonce <c>{key}.{n}</c> with <c>enforce_nonce</c>: Discord answers a repeat within a
    /// few minutes with the message it already created, so a re-post after a crash between send and record is harmless.
    /// </summary>
    public async Task<MessageRef> SendOnceAsync(string channelId, ChatReply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        DiscordMessage? first = null;
        var parts = DiscordRenderer.Render(reply with { Ephemeral = false });
        for (var i = 0; i < parts.Count; i++)
        {
            var nonce = idempotencyKey + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (nonce.Length > DiscordLimits.NonceLength)
            {
                throw new ArgumentException($"The idempotency key is too long for a Discord nonce ({DiscordLimits.NonceLength} characters).", nameof(idempotencyKey));
            }

            var part = parts[i] with { Payload = parts[i].Payload with { Nonce = nonce, EnforceNonce = true } };
            var sent = await rest.CreateMessageAsync(channelId, part, cancellationToken);
            first ??= sent;
        }

        return new MessageRef(Name, channelId, first!.Id);
    }

    /// <summary>The first part replaces the message; any overflow follows as new messages rather than being cut.</summary>
    public async Task UpdateAsync(MessageRef message, ChatReply reply, CancellationToken cancellationToken)
    {
        var parts = DiscordRenderer.Render(reply with { Ephemeral = false });
        await rest.EditMessageAsync(message.ChannelId, message.MessageId, parts[0], cancellationToken);
        foreach (var part in parts.Skip(1))
        {
            await rest.CreateMessageAsync(message.ChannelId, part, cancellationToken);
        }
    }

    /// <summary>
    /// Ephemeral in the channel while the user's latest interaction there is fresh (only they see it); otherwise a
    /// direct message, since Discord has no other private post for bots.
    /// </summary>
    public async Task SendPrivateAsync(string channelId, string userId, ChatReply reply, CancellationToken cancellationToken)
    {
        if (recent.TokenFor(channelId, userId) is { } token)
        {
            foreach (var part in DiscordRenderer.Render(reply with { Ephemeral = true }))
            {
                await rest.FollowUpAsync(options.Value.ApplicationId!, token, part, cancellationToken);
            }

            return;
        }

        var dm = await rest.OpenDmAsync(userId, cancellationToken);
        await SendAsync(dm, reply, cancellationToken);
    }

    /// <summary>
    /// Opens (or finds) the DM channel and sends there with the key as nonce. A user who closed DMs from servers (403, code
    /// 50007) or who does not exist (400/404 on opening) cannot get one: <see cref="DirectMessageRefusedException"/>.
    /// </summary>
    public async Task<MessageRef> SendDirectAsync(string userId, ChatReply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        string dm;
        try
        {
            dm = await rest.OpenDmAsync(userId, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.StatusCode is 400 or 403 or 404)
        {
            throw new DirectMessageRefusedException($"Discord could not open a DM with this user (answered {ex.StatusCode})", ex);
        }

        try
        {
            return await SendOnceAsync(dm, reply with { Mention = null }, idempotencyKey, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.StatusCode == 403)
        {
            var code = ex.Message.Contains("50007", StringComparison.Ordinal) ? ", code 50007" : string.Empty;
            throw new DirectMessageRefusedException($"Discord refused the DM: the user does not accept direct messages (403{code})", ex);
        }
    }

    public async Task<MessageRef> OpenThreadAsync(MessageRef parent, string title, ChatReply reply, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(title) ? "Discussion" : title.Trim();
        name = name.Length <= DiscordLimits.ThreadNameLength ? name : name[..(DiscordLimits.ThreadNameLength - 1)] + "…";
        var thread = await rest.StartThreadAsync(parent.ChannelId, parent.MessageId, name, cancellationToken);
        return await SendAsync(thread, reply, cancellationToken);
    }

    /// <summary>A Discord thread is a channel of its own; the thread reference carries its id.</summary>
    public Task<MessageRef> ReplyInThreadAsync(MessageRef parent, MessageRef thread, ChatReply reply, CancellationToken cancellationToken) =>
        SendAsync(thread.ChannelId, reply, cancellationToken);
}
