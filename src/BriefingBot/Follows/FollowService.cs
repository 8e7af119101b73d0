using System.Globalization;
using System.Text.RegularExpressions;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Digests;
using Microsoft.Extensions.Options;

namespace BriefingBot.Follows;

/// <summary>
/// <c>/follow</c>, <c>/follow list</c> and <c>/unfollow</c>: a follow belongs to the person who made it, in the workspace
/// (Discord server, Slack team) where they made it. Role and group follows are for admins and mention that role or group
/// in the channel where they were made.
/// </summary>
public sealed partial class FollowService(IFollowStore store, FollowTargets targets, TimeProvider time, IOptions<FollowsOptions> options)
{
    public async Task<ChatReply> FollowAsync(CommandContext context, string target, string? where, string? role, CancellationToken cancellationToken)
    {
        var (resolved, alias, error) = targets.Resolve(target);
        if (resolved is null)
        {
            return ChatReply.Error(error!);
        }

        var (delivery, channel, mention, problem) = Delivery(context, where, role);
        if (problem is not null)
        {
            return ChatReply.Error(problem);
        }

        var mine = await store.ListForUserAsync(context.Platform, context.WorkspaceId, context.UserId, cancellationToken);
        if (mine.Count >= options.Value.MaxPerUser)
        {
            return ChatReply.Error($"You follow {mine.Count} things already (the most is {options.Value.MaxPerUser}). /unfollow one first.");
        }

        var (follow, created) = await store.AddAsync(
            new NewFollow(context.Platform, context.WorkspaceId, context.UserId, context.UserName, resolved, delivery, channel, mention), time.GetUtcNow(), cancellationToken);
        var via = alias is null ? string.Empty : $" (reached through the alias {DigestText.Inert(alias)})";
        var what = resolved.Kind == FollowTargetKind.Actor ? DigestText.Inert(resolved.Label) + via : $"the keyword \"{DigestText.Inert(resolved.Label)}\"";
        var again = created ? string.Empty : " (you followed it already; it is on)";
        return ChatReply.Private(
            $"Following {what}{again} as #{Id(follow.Id)}: {Describe(follow)}, at most one alert every {Interval(options.Value.MinInterval)}. "
            + "/follow list shows your follows, /unfollow stops one.");
    }

    public async Task<ChatReply> ListAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var mine = await store.ListForUserAsync(context.Platform, context.WorkspaceId, context.UserId, cancellationToken);
        if (mine.Count == 0)
        {
            return ChatReply.Private("You follow nothing yet. Try /follow North Korea (a direct message) or /follow Pyongyang here (this channel).");
        }

        var lines = mine.Select(f =>
        {
            var line = $"#{Id(f.Id)} {Label(f)}: {Describe(f)}";
            return f.Active ? line : line + $" (disabled: {f.Note})";
        });
        return ChatReply.Private("Your follows:\n" + string.Join('\n', lines));
    }

    public async Task<ChatReply> UnfollowAsync(CommandContext context, string text, CancellationToken cancellationToken)
    {
        var typed = FollowTargets.Normalize(text).TrimStart('#');
        if (long.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            var follow = await store.GetAsync(id, cancellationToken);
            var mayRemove = follow is not null && follow.Platform == context.Platform && follow.WorkspaceId == context.WorkspaceId
                && (follow.UserId == context.UserId || (context.IsAdmin && follow.Delivery is FollowDelivery.Role or FollowDelivery.Group));
            if (!mayRemove)
            {
                return ChatReply.Error($"You have no follow #{typed}. /follow list shows yours.");
            }

            await store.DeleteAsync(id, cancellationToken);
            return ChatReply.Private($"Unfollowed {Label(follow!)} (#{typed}).");
        }

        var (target, _, error) = targets.Resolve(typed);
        if (target is null)
        {
            return ChatReply.Error(error!);
        }

        var mine = await store.ListForUserAsync(context.Platform, context.WorkspaceId, context.UserId, cancellationToken);
        var matching = mine.Where(f => f.Target.Kind == target.Kind && f.Target.Key == target.Key).ToList();
        if (matching.Count == 0)
        {
            return ChatReply.Error($"You do not follow {DigestText.Inert(target.Label)}. /follow list shows your follows.");
        }

        foreach (var follow in matching)
        {
            await store.DeleteAsync(follow.Id, cancellationToken);
        }

        return ChatReply.Private($"Unfollowed {Label(matching[0])} ({string.Join(", ", matching.Select(f => "#" + Id(f.Id)))}).");
    }

    /// <summary>Where the alerts go, from <c>where</c> (dm, here) and <c>role</c> (admins: a Discord role or a Slack user group).</summary>
    private static (FollowDelivery Delivery, string Channel, string Mention, string? Error) Delivery(CommandContext context, string? where, string? role)
    {
        if (!string.IsNullOrWhiteSpace(role))
        {
            if (!context.IsAdmin)
            {
                return (default, "", "", "Only admins can make a follow that mentions a role or a group.");
            }

            var (kind, id) = MentionTarget(context.Platform, role);
            return id is null
                ? (default, "", "", context.Platform switch
                {
                    "discord" => $"role must be a Discord role: pick it with @ (it arrives as <@&id>) or give its id, not \"{DigestText.Inert(role)}\".",
                    "slack" => $"role must be a Slack user group: pick it with @ (it arrives as <!subteam^ID>) or give its id (S…), not \"{DigestText.Inert(role)}\".",
                    _ => "Roles and user groups exist in Discord and Slack; here use dm or here.",
                })
                : (kind, context.ChannelId, id, null);
        }

        return (where ?? "dm").Trim().ToLowerInvariant() switch
        {
            "dm" or "" => (FollowDelivery.Dm, "", "", null),
            "here" => (FollowDelivery.Here, context.ChannelId, "", null),
            _ => (default, "", "", $"where must be dm (a direct message, the default) or here (this channel, mentioning only you), not \"{DigestText.Inert(where!)}\"."),
        };
    }

    /// <summary>A Discord role (<c>&lt;@&amp;123&gt;</c> or its snowflake) or a Slack user group (<c>&lt;!subteam^S123|@team&gt;</c> or S…).</summary>
    internal static (FollowDelivery Kind, string? Id) MentionTarget(string platform, string text)
    {
        var value = text.Trim();
        return platform switch
        {
            "discord" when DiscordRole().Match(value) is { Success: true } m => (FollowDelivery.Role, m.Groups["id"].Value),
            "slack" when SlackGroup().Match(value) is { Success: true } m => (FollowDelivery.Group, m.Groups["id"].Value),
            _ => (FollowDelivery.Role, null),
        };
    }

    /// <summary>Whether the text is a role or group as <see cref="MentionTarget"/> reads it.</summary>
    internal static bool LooksLikeMentionTarget(string text) => DiscordRole().IsMatch(text.Trim()) || SlackGroup().IsMatch(text.Trim());

    private static string Describe(Follow follow) => follow.Delivery switch
    {
        FollowDelivery.Dm => "alerts by direct message",
        FollowDelivery.Here => "alerts in this channel, mentioning only you",
        FollowDelivery.Role => $"alerts in channel {follow.ChannelId}, mentioning role {follow.MentionId}",
        _ => $"alerts in channel {follow.ChannelId}, mentioning user group {follow.MentionId}",
    };

    private static string Label(Follow follow) => follow.Target.Kind == FollowTargetKind.Actor
        ? DigestText.Inert(follow.Target.Label)
        : $"\"{DigestText.Inert(follow.Target.Label)}\"";

    internal static string Interval(TimeSpan interval) => interval switch
    {
        { TotalMinutes: >= 1 } when interval.TotalMinutes % 1 == 0 => interval.TotalMinutes == 1 ? "minute" : $"{interval.TotalMinutes:0} minutes",
        _ => $"{interval.TotalSeconds:0.#} seconds",
    };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(<@&(?<id>\d{5,25})>|(?<id>\d{15,25}))$")]
    private static partial Regex DiscordRole();

    [GeneratedRegex(@"^(<!subteam\^(?<id>S[A-Z0-9]{2,20})(\|[^>]*)?>|(?<id>S[A-Z0-9]{6,20}))$")]
    private static partial Regex SlackGroup();
}
