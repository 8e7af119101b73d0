using System.Globalization;

namespace BriefingBot.Articles.Feeds;

/// <summary>Feed text for chat: inert (no mentions, no markup from a stranger's feed title) and short.</summary>
public static class FeedText
{
    public static string Inert(string? text, int max = 80)
    {
        var line = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Replace('@', '＠').Replace('<', '‹').Replace('>', '›').Replace('*', '∗').Replace('_', '＿').Replace('`', 'ˋ').Replace('~', '∼')
            .Replace('|', '¦').Replace('[', '⟦').Replace(']', '⟧');
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    public static string Name(Feed feed) => string.IsNullOrWhiteSpace(feed.Title) ? feed.Url : Inert(feed.Title);

    public static string Interval(TimeSpan every) =>
        every.TotalDays >= 1 && every.TotalDays % 1 == 0 ? every.TotalDays.ToString(CultureInfo.InvariantCulture) + "d"
        : every.TotalHours >= 1 && every.TotalHours % 1 == 0 ? every.TotalHours.ToString(CultureInfo.InvariantCulture) + "h"
        : every.TotalMinutes >= 1 && every.TotalMinutes % 1 == 0 ? every.TotalMinutes.ToString(CultureInfo.InvariantCulture) + "m"
        : every.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + "s";

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";

    /// <summary><c>30m</c>, <c>2h</c>, <c>1d</c>, <c>90s</c>, or a TimeSpan (<c>00:30:00</c>).</summary>
    public static bool TryParseInterval(string? text, out TimeSpan every)
    {
        every = default;
        var value = text?.Trim().ToLowerInvariant() ?? "";
        if (value.Length < 2)
        {
            return false;
        }

        var unit = value[^1];
        if (char.IsLetter(unit) && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0 && n < 100_000)
        {
            every = unit switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => default,
            };
            return every > TimeSpan.Zero;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out every) && every > TimeSpan.Zero;
    }

    /// <summary>active; paused since ...; disabled (reason: last error) since ...</summary>
    public static string State(Feed feed) => feed.State switch
    {
        FeedState.Active when feed.ConsecutiveFailures > 0 =>
            $"active, failing ({feed.ConsecutiveFailures} in a row: {Inert(feed.LastError, 60)}; next try {Time(feed.NextDueAt)})",
        FeedState.Active => "active",
        FeedState.Paused => $"paused since {Time(feed.StateSince)}",
        _ => $"disabled ({feed.StateReason}{(feed.LastError is null ? "" : ": " + Inert(feed.LastError, 60))}) since {Time(feed.StateSince)}",
    };
}
