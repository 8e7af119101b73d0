using System.Globalization;
using BriefingBot.Chat;

namespace BriefingBot.Platforms.Shell;

/// <summary>The terminal as a chat platform: one channel, one user (the operator), replies printed as text.</summary>
public sealed class ShellChatPlatform(IShellConsole console) : IChatPlatform, IDisposable
{
    public const string PlatformName = "shell";
    public const string Channel = "shell";

    private readonly SemaphoreSlim gate = new(1, 1);
    private int nextMessageId;

    public string Name => PlatformName;

    public async Task<MessageRef> SendAsync(string channelId, ChatReply reply, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref nextMessageId).ToString(CultureInfo.InvariantCulture);
        await WriteAsync(ShellRenderer.Render(reply), cancellationToken);
        return new MessageRef(PlatformName, channelId, id);
    }

    public Task UpdateAsync(MessageRef message, ChatReply reply, CancellationToken cancellationToken) =>
        WriteAsync($"(message {message.MessageId} updated)" + Environment.NewLine + ShellRenderer.Render(reply), cancellationToken);

    public Task SendPrivateAsync(string channelId, string userId, ChatReply reply, CancellationToken cancellationToken) =>
        WriteAsync(ShellRenderer.Render(reply with { Ephemeral = true }), cancellationToken);

    /// <summary>The shell has one user: a direct message is printed, marked as one.</summary>
    public async Task<MessageRef> SendDirectAsync(string userId, ChatReply reply, string idempotencyKey, CancellationToken cancellationToken)
    {
        await WriteAsync($"-- direct message to {userId} --" + Environment.NewLine, cancellationToken);
        return await SendAsync("dm:" + userId, reply with { Mention = null }, cancellationToken);
    }

    public async Task<MessageRef> OpenThreadAsync(MessageRef parent, string title, ChatReply reply, CancellationToken cancellationToken)
    {
        await WriteAsync($"-- thread on message {parent.MessageId}: {title} --" + Environment.NewLine, cancellationToken);
        return await SendAsync(parent.ChannelId, reply, cancellationToken);
    }

    public async Task<MessageRef> ReplyInThreadAsync(MessageRef parent, MessageRef thread, ChatReply reply, CancellationToken cancellationToken)
    {
        await WriteAsync($"-- in the thread on message {parent.MessageId} --" + Environment.NewLine, cancellationToken);
        return await SendAsync(parent.ChannelId, reply, cancellationToken);
    }

    public void Dispose() => gate.Dispose();

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await console.Output.WriteAsync(text.AsMemory(), cancellationToken);
            await console.Output.FlushAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
