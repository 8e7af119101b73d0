using System.Globalization;
using BriefingBot.Chat;
using BriefingBot.Digests;

namespace BriefingBot.Follows;

/// <summary>One story of an alert, already inert (see <see cref="DigestText"/>): headline, source link, reported developments.</summary>
public sealed record FollowAlertItem(string Headline, string Source, string? Url, IReadOnlyList<DigestDevelopment> Developments);

/// <summary>
/// Lays an alert out: "3 new stories about North Korea:", one section per story with its link and its reported
/// developments, a "Poll this" button per pollable development (as digests have), and how many more when it is long.
/// </summary>
public static class FollowAlertLayout
{
    public const int MaxButtons = 10;

    public static ChatReply Message(Follow follow, IReadOnlyList<FollowAlertItem> items, int more, ReplyMention? mention)
    {
        var total = items.Count + more;
        var label = DigestText.Inert(follow.Target.Label);
        var about = follow.Target.Kind == FollowTargetKind.Actor ? label : $"\"{label}\"";
        var header = $"{Count(total)} new {(total == 1 ? "story" : "stories")} about {about}:";
        var sections = items.Select((item, i) =>
        {
            var lines = new List<string> { item.Source };
            lines.AddRange(item.Developments.Select((d, k) => $"{i + 1}.{k + 1} Reported: {d.Claim}{(d.Corroboration > 1 ? $" ({Count(d.Corroboration)} reports)" : string.Empty)}"));
            return new ReplySection($"{i + 1}. {item.Headline}", string.Join('\n', lines))
            {
                Links = item.Url is null ? [] : [new ReplyLink(item.Source, item.Url)],
            };
        }).ToList();
        var buttons = items.SelectMany((item, i) => item.Developments.Select((d, k) =>
            new ReplyButton($"poll:new:{d.Id.ToString(CultureInfo.InvariantCulture)}", $"{i + 1}.{k + 1} Poll this", ButtonStyle.Primary))).Take(MaxButtons).ToList();
        var footer = (more > 0 ? $"and {Count(more)} more. " : string.Empty) + $"/unfollow {Count(follow.Id)} stops these alerts.";
        if (sections.Count > 0)
        {
            sections[^1] = sections[^1] with { Body = sections[^1].Body + "\n\n" + footer };
        }
        else
        {
            header += "\n" + footer;
        }

        return new ChatReply
        {
            Text = header,
            Sections = sections,
            Buttons = buttons,
            Mention = mention,
        };
    }

    /// <summary>Who the message names: nobody in a DM, the follower for "here", the role or group for theirs.</summary>
    public static ReplyMention? MentionFor(Follow follow) => follow.Delivery switch
    {
        FollowDelivery.Here => new ReplyMention(MentionKind.User, follow.UserId),
        FollowDelivery.Role => new ReplyMention(MentionKind.Role, follow.MentionId),
        FollowDelivery.Group => new ReplyMention(MentionKind.Group, follow.MentionId),
        _ => null,
    };

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
