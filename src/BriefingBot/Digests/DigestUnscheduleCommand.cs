using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Digests;

/// <summary><c>/digest unschedule</c>: stops this channel's digest (admins).</summary>
public sealed class DigestUnscheduleCommand(IDigestStore store, DigestScheduler scheduler) : ICommand
{
    public CommandDefinition Definition { get; } = new("digest unschedule", "Stop this channel's digest (admins)");

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        if (!context.IsAdmin)
        {
            return ChatReply.Error("Only admins can change digest schedules (on Discord: Manage Channels; on Slack: Slack:AdminUserIds).");
        }

        var existing = await store.GetSubscriptionAsync(context.Platform, context.ChannelId, cancellationToken);
        if (existing is null)
        {
            return ChatReply.Error("This channel has no digest. /digest list shows the ones there are.");
        }

        await scheduler.UnscheduleAsync(context.Platform, context.ChannelId, cancellationToken);
        await store.DeleteSubscriptionAsync(context.Platform, context.ChannelId, cancellationToken);
        var note = existing.Origin == SubscriptionOrigin.Config ? " It comes from the configuration file, so it returns at the next restart unless removed there." : string.Empty;
        return ChatReply.Private("This channel's digest is stopped." + note);
    }
}
