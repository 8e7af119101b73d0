using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Digests;

/// <summary><c>/digest list</c>: the digests scheduled on this platform, with their next local fire time.</summary>
public sealed class DigestListCommand(IDigestStore store, TimeProvider time) : ICommand
{
    public CommandDefinition Definition { get; } = new("digest list", "List the scheduled digests");

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var platform = invocation.Context.Platform;
        var subscriptions = (await store.ListSubscriptionsAsync(cancellationToken)).Where(s => s.Platform == platform).ToList();
        if (subscriptions.Count == 0)
        {
            return ChatReply.Private("No digests are scheduled. An admin can add one with /digest schedule schedule:daily 08:00 timezone:Europe/London");
        }

        var lines = subscriptions.Select(s =>
        {
            var here = s.ChannelId == invocation.Context.ChannelId ? " (this channel)" : string.Empty;
            var filter = s.Filter is null ? string.Empty : $", filter '{s.Filter}'";
            var state = s.Enabled
                ? DigestSchedule.TryParse(s.Schedule, s.TimeZone, out var schedule, out _)
                    ? "next " + DigestText.Local(schedule.NextFireAfter(time.GetUtcNow()), schedule.TimeZone)
                    : "schedule no longer valid"
                : "OFF: " + s.DisabledReason;
            return $"- {s.ChannelId}{here}: {s.Schedule} {s.TimeZone}{filter}, up to {s.MaxItems} stories, {state} [{s.Origin.ToString().ToLowerInvariant()}]";
        });
        return ChatReply.Private("Digests:" + Environment.NewLine + string.Join(Environment.NewLine, lines));
    }
}
