using System.Globalization;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Digests;

/// <summary><c>/digest schedule schedule:&lt;daily 08:00 | weekdays 07:30 | cron&gt; [timezone] [filter] [max_items]</c>: this channel's digest (admins).</summary>
public sealed class DigestScheduleCommand(IDigestStore store, DigestScheduler scheduler, TimeProvider time, BriefingBot.Storage.IMetadataStore? metadata = null) : ICommand
{
    /// <summary>Chat schedules may not fire more often than this; the configuration file may (tests use seconds).</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromMinutes(15);

    public CommandDefinition Definition { get; } = new("digest schedule", "Post a digest in this channel on a schedule (admins)",
    [
        new CommandOption("schedule", "daily 08:00, weekdays 07:30, or a cron expression", Required: true),
        new CommandOption("timezone", "IANA time zone, e.g. Europe/London (default UTC)"),
        new CommandOption("filter", "Only stories about this actor or keyword"),
        new CommandOption("max_items", "At most this many stories (1-50, default 10)", OptionType.Integer),
    ]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        if (!context.IsAdmin)
        {
            return ChatReply.Error("Only admins can change digest schedules (on Discord: Manage Channels; on Slack: Slack:AdminUserIds).");
        }

        var options = invocation.Options;
        var zone = options.GetString("timezone") ?? "UTC";
        if (!DigestSchedule.TryParse(options.GetRequiredString("schedule"), zone, out var schedule, out var error))
        {
            return ChatReply.Error(error + " Example: /digest schedule schedule:weekdays 07:30 timezone:Europe/London");
        }

        if (schedule.ShortestGap(time.GetUtcNow()) < MinimumGap)
        {
            return ChatReply.Error($"A digest may be scheduled at most every {MinimumGap.TotalMinutes:0} minutes. Example: /digest schedule schedule:daily 08:00 timezone:{zone}");
        }

        var maxItems = options.GetInteger("max_items") ?? DigestsOptions.DefaultMaxItems;
        if (maxItems is < 1 or > DigestsOptions.MaxItemsLimit)
        {
            return ChatReply.Error($"max_items must be between 1 and {DigestsOptions.MaxItemsLimit}.");
        }

        var filter = options.GetString("filter");
        var subscription = await store.SaveSubscriptionAsync(
            new DigestSubscription(context.Platform, context.ChannelId, schedule.Text, schedule.Cron, zone.Trim(),
                string.IsNullOrWhiteSpace(filter) ? null : filter.Trim(), (int)maxItems, SubscriptionOrigin.Chat),
            cancellationToken);
        await scheduler.ScheduleAsync(subscription, cancellationToken);
        await DigestTenants.RememberAsync(metadata, context, cancellationToken);
        var next = schedule.NextFireAfter(time.GetUtcNow());
        return ChatReply.Private($"Digest scheduled here: {schedule.Text} ({zone}). Next: {DigestText.Local(next, schedule.TimeZone)}.");
    }
}
