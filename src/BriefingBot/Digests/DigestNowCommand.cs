using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Digests;

/// <summary>
/// <c>/digest now</c>: for admins, an immediate digest posted in this channel (a real run: it counts as sent); for
/// everyone else, a private preview that changes nothing, so nobody can flood a channel with digests.
/// </summary>
public sealed class DigestNowCommand(IDigestStore store, IDigestComposer composer, DigestScheduler scheduler, TimeProvider time) : ICommand
{
    public CommandDefinition Definition { get; } = new("digest now", "Post this channel's digest now (admins; others get a private preview)");

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        if (context.IsAdmin)
        {
            await scheduler.TriggerNowAsync(context.Platform, context.ChannelId, cancellationToken);
            return ChatReply.Private("A digest for this channel is on its way.");
        }

        var subscription = await store.GetSubscriptionAsync(context.Platform, context.ChannelId, cancellationToken);
        var now = time.GetUtcNow();
        var state = await store.GetChannelStateAsync(context.Platform, context.ChannelId, now - DigestDelivery.SentStoryMemory, cancellationToken);
        var content = await composer.ComposeAsync(
            new DigestRequest(context.Platform, context.ChannelId, state.LastSentAt, state.SentStoryIds, subscription?.Filter,
                subscription?.MaxItems ?? DigestsOptions.DefaultMaxItems, subscription?.TimeZone ?? "UTC", now)
            { Tenant = BriefingBot.Articles.ArticleVisibility.TenantOf(context) },
            cancellationToken);
        var first = content.Messages.Count > 0 ? content.Messages[0] : ChatReply.Message("Nothing new.");
        var more = content.Messages.Count > 1 ? $" ({content.Messages.Count - 1} more messages in the full digest.)" : string.Empty;
        return first with { Text = "Preview, only you see this." + more + Environment.NewLine + first.Text, Ephemeral = true };
    }
}
