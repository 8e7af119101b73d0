using System.Globalization;
using System.Text.RegularExpressions;

namespace BriefingBot.Polls;

/// <summary>
/// Reads when a poll closes or resolves, as people write it: "in 7 days", "tomorrow 09:00", "Friday 17:00",
/// "2026-08-31", "31 August 2026 12:00". Times are wall-clock times in <paramref name="zone"/>; a day without a time
/// means the end of that day (23:59). Relative to <paramref name="time"/>'s now.
/// </summary>
public sealed partial class PollTimeParser(TimeProvider time, TimeZoneInfo zone)
{
    public const string Examples = "\"in 7 days\", \"tomorrow 09:00\", \"Friday 17:00\", \"2026-08-31\" or \"2026-08-31 17:00\"";

    private static readonly TimeOnly EndOfDay = new(23, 59);

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d/M/yyyy",
    ];

    public TimeZoneInfo Zone => zone;

    /// <summary>The instant (UTC) the text names, or null when it names none.</summary>
    public DateTimeOffset? ParseInstant(string text)
    {
        var input = Normalize(text);
        if (input.Length == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (Relative().Match(input) is { Success: true } relative)
        {
            var amount = relative.Groups["n"].Value is "a" or "an" ? 1 : int.Parse(relative.Groups["n"].Value, CultureInfo.InvariantCulture);
            return amount > 100_000 ? null : now + Unit(relative.Groups["unit"].Value) * amount;
        }

        var (dayText, timeOfDay, ok) = SplitTime(input);
        if (!ok)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        DateOnly? day = dayText switch
        {
            "" when timeOfDay is not null => today,
            "today" => today,
            "tomorrow" => today.AddDays(1),
            _ => Weekday(dayText, today, timeOfDay) ?? Date(dayText),
        };
        if (day is not { } date)
        {
            return null;
        }

        var local = date.ToDateTime(timeOfDay ?? EndOfDay);
        if (dayText.Length == 0 && ToUtc(local) <= now)
        {
            // "17:00" after five o'clock means tomorrow's.
            local = local.AddDays(1);
        }

        return ToUtc(local);
    }

    /// <summary>The local calendar day the text names ("2026-08-31", "in 30 days", "Friday"), or null.</summary>
    public DateOnly? ParseDate(string text) =>
        ParseInstant(text) is { } instant ? LocalDate(instant) : null;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>"Fri 28 Aug 2026 17:00 (Europe/London)".</summary>
    public string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";

    private DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            // Inside a daylight-saving gap: the first valid minute after it.
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    private static string Normalize(string text) =>
        Spaces().Replace(text.Trim().Trim('"').ToLowerInvariant(), " ").Replace(" at ", " ", StringComparison.Ordinal);

    private static TimeSpan Unit(string unit) => unit[0] switch
    {
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        _ => TimeSpan.FromDays(7),
    };

    private static (string Day, TimeOnly? Time, bool Ok) SplitTime(string input)
    {
        var match = TrailingTime().Match(input);
        if (!match.Success)
        {
            return (input, null, true);
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ampm"].Value;
        if (!match.Groups["m"].Success && meridiem.Length == 0)
        {
            // A bare number is not a time ("31" in "August 31"); treat the whole input as a day.
            return (input, null, true);
        }

        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return (input, null, false);
            }

            hour = (hour % 12) + (meridiem == "pm" ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return (input, null, false);
        }

        return (input[..match.Index].Trim().TrimEnd(','), new TimeOnly(hour, minute), true);
    }

    private DateOnly? Weekday(string dayText, DateOnly today, TimeOnly? timeOfDay)
    {
        var next = dayText.StartsWith("next ", StringComparison.Ordinal);
        var name = next ? dayText[5..] : dayText;
        var day = Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d =>
            name.Length >= 3 && d!.Value.ToString().StartsWith(name, StringComparison.OrdinalIgnoreCase));
        if (day is not { } weekday)
        {
            return null;
        }

        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        if (ahead == 0)
        {
            // Today's name: today if that time is still ahead, else a week on.
            var stillAhead = ToUtc(today.ToDateTime(timeOfDay ?? EndOfDay)) > time.GetUtcNow();
            ahead = stillAhead && !next ? 0 : 7;
        }

        return today.AddDays(ahead);
    }

    private static DateOnly? Date(string dayText) =>
        DateOnly.TryParseExact(dayText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date) ? date : null;

    [GeneratedRegex(@"^in (?<n>\d{1,6}|an?) ?(?<unit>minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|w)$")]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?:^|\s|t)(?<h>\d{1,2})(?::(?<m>\d{2}))? ?(?<ampm>am|pm)?$")]
    private static partial Regex TrailingTime();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
