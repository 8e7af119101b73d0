using System.Globalization;
using BriefingBot.Chat;

namespace BriefingBot.Digests;

/// <summary>
/// Lays digest items out as chat messages: a header with the channel-local time and counts, then one section per
/// story with its buttons, packed into as many messages as the platform's <see cref="DigestBudget"/> needs. Every
/// item goes into exactly one message; none is dropped.
/// </summary>
public static class DigestLayout
{
    public const string StoryPageLabel = "Story page";

    public static IReadOnlyList<ChatReply> Messages(string header, IReadOnlyList<DigestItem> items, DigestBudget budget, DigestPages? pages = null)
    {
        pages ??= DigestPages.None;
        var messages = new List<ChatReply>();
        var current = new List<(int Number, DigestItem Item)>();
        for (var i = 0; i < items.Count; i++)
        {
            var next = (i + 1, items[i]);
            if (current.Count > 0
                && (current.Count == budget.MaxItemsPerMessage || !budget.FitsOneMessage(Message(messages.Count == 0 ? header : null, [.. current, next], pages))))
            {
                messages.Add(Message(messages.Count == 0 ? header : null, current, pages));
                current = [];
            }

            current.Add(next);
        }

        messages.Add(Message(messages.Count == 0 ? header : null, current, pages));
        return messages;
    }

    public static string Header(DateTimeOffset fireTime, TimeZoneInfo zone, DigestFilter? filter, IReadOnlyList<DigestItem> items, int storiesFound)
    {
        var sources = items.Sum(i => i.SourceCount);
        var developments = items.Sum(i => i.Developments.Count + i.MoreDevelopments);
        var about = filter is null ? string.Empty : $" about {filter.Label}";
        var shown = storiesFound > items.Count ? $" (the top {items.Count} of {storiesFound} new stories)" : string.Empty;
        return $"Digest{about} for {LocalTime(fireTime, zone)}: {Plural(items.Count, "story", "stories")}{shown} from "
            + $"{Plural(sources, "source", "sources")}, {Plural(developments, "reported development", "reported developments")}.";
    }

    public static string NothingNew(DateTimeOffset since, TimeZoneInfo zone, DigestFilter? filter) =>
        $"Nothing new{(filter is null ? string.Empty : $" about {filter.Label}")} since {LocalTime(since, zone)}.";

    public static string LocalTime(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";

    /// <summary>The first message carries the channel archive's "Open in browser" button; each item links its story page.</summary>
    private static ChatReply Message(string? header, IReadOnlyList<(int Number, DigestItem Item)> items, DigestPages pages)
    {
        var message = new ChatReply
        {
            Text = header,
            Sections = [.. items.Select(i => Section(i.Number, i.Item, pages.Story(i.Item.StoryId)))],
            Buttons = [.. items.SelectMany(i => Buttons(i.Number, i.Item))],
        };
        return header is null ? message : message.WithPage(pages.Archive);
    }

    private static ReplySection Section(int number, DigestItem item, string? storyPage)
    {
        var lines = new List<string>();
        if (item.IsUpdate)
        {
            lines.Add($"Update, {Plural(item.NewSources.Count, "new source", "new sources")}: {string.Join(", ", item.NewSources)}. What is new:");
        }

        lines.Add(item.Summary);
        var about = item.SourceNames.Count == item.SourceCount && item.SourceCount > 0
            ? Articles.Stories.StoryInfo.Describe(item.SourceNames)
            : Plural(item.SourceCount, "source", "sources");
        if (item.Actors.Count > 0)
        {
            about += " · " + string.Join(", ", item.Actors);
        }

        lines.Add(about);
        lines.AddRange(item.Developments.Select((d, k) =>
            $"{number}.{k + 1} Reported: {d.Claim}{(d.Corroboration > 1 ? $" ({d.Corroboration} reports)" : string.Empty)}"));
        if (item.MoreDevelopments > 0)
        {
            lines.Add($"and {Plural(item.MoreDevelopments, "more reported development", "more reported developments")}");
        }

        // Named sources are all in the sources line already.
        var hiddenSources = item.SourceNames.Count > 0 ? 0 : item.SourceCount - item.Sources.Count;
        if (hiddenSources > 0)
        {
            lines.Add($"and {Plural(hiddenSources, "more source", "more sources")}");
        }

        return new ReplySection($"{number}. {(item.IsUpdate ? "Update: " : string.Empty)}{item.Headline}", string.Join('\n', lines.Where(l => l.Length > 0)))
        {
            Links = [.. item.Sources.Select(s => new ReplyLink(s.Source, s.Url)), .. storyPage is null ? [] : new[] { new ReplyLink(StoryPageLabel, storyPage) }],
        };
    }

    private static IEnumerable<ReplyButton> Buttons(int number, DigestItem item)
    {
        yield return new ReplyButton($"{DigestDiscussHandler.ButtonPrefix}{item.StoryId}", $"{number}. Discuss");
        for (var k = 0; k < item.Developments.Count; k++)
        {
            if (item.Developments[k].Pollable)
            {
                yield return new ReplyButton($"poll:new:{item.Developments[k].Id}", $"{number}.{k + 1} Poll this", ButtonStyle.Primary);
            }
        }
    }

    private static string Plural(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}

/// <summary>Web pages a digest links to: the channel's archive and each story's page (none while the web view is off).</summary>
public sealed record DigestPages(string? Archive, Func<long, string?> Story)
{
    public static DigestPages None { get; } = new(null, _ => null);
}
