using System.Globalization;
using System.Text.RegularExpressions;
using Quartz;

namespace BriefingBot.Digests;

/// <summary>
/// A digest schedule as people write it (<c>daily 08:00</c>, <c>weekdays 07:30</c>, or a cron expression) turned into a
/// Quartz cron expression in an IANA time zone. Quartz computes the fire times in that zone, so 08:00 stays 08:00
/// local time on both sides of a daylight-saving change.
/// </summary>
public sealed partial record DigestSchedule(string Text, string Cron, TimeZoneInfo TimeZone)
{
    public const string Example = "daily 08:00, weekdays 07:30, or a Quartz cron such as \"0 0 8 ? * MON-FRI\"";

    public static bool TryParse(string? text, string? timeZoneId, out DigestSchedule schedule, out string error)
    {
        schedule = null!;
        if (!TryFindTimeZone(timeZoneId, out var zone))
        {
            error = $"'{timeZoneId}' is not a known IANA time zone. Use one like Europe/London, America/New_York or UTC.";
            return false;
        }

        var trimmed = (text ?? string.Empty).Trim();
        var cron = ToCron(trimmed);
        if (cron is null || !CronExpression.TryParse(cron, out _))
        {
            error = $"'{trimmed}' is not a schedule I understand. Try {Example}.";
            return false;
        }

        schedule = new DigestSchedule(trimmed, cron, zone);
        error = string.Empty;
        return true;
    }

    /// <summary>The next fire strictly after <paramref name="after"/>, as Quartz computes it for the trigger.</summary>
    public DateTimeOffset? NextFireAfter(DateTimeOffset after) =>
        new CronExpression(Cron, TimeZone).GetNextValidTimeAfter(after);

    /// <summary>The shortest gap between the next few fires: chat users may not schedule a digest every second.</summary>
    public TimeSpan ShortestGap(DateTimeOffset from, int fires = 12)
    {
        var shortest = TimeSpan.MaxValue;
        var previous = NextFireAfter(from);
        for (var i = 0; i < fires && previous is { } p; i++)
        {
            var next = NextFireAfter(p);
            if (next is { } n && n - p < shortest)
            {
                shortest = n - p;
            }

            previous = next;
        }

        return shortest;
    }

    public static bool TryFindTimeZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }

    private static string? ToCron(string text)
    {
        var friendly = FriendlyPattern().Match(text);
        if (friendly.Success)
        {
            var hour = int.Parse(friendly.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minute = int.Parse(friendly.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (hour > 23 || minute > 59)
            {
                return null;
            }

            var days = friendly.Groups["days"].Value.ToLowerInvariant() switch
            {
                "daily" or "every day" => "*",
                "weekdays" => "MON-FRI",
                "weekends" => "SAT,SUN",
                var day => day[..3].ToUpperInvariant(),
            };
            return string.Create(CultureInfo.InvariantCulture, $"0 {minute} {hour} ? * {days}");
        }

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length switch
        {
            // A five-field crontab line, rewritten in Quartz's dialect (seconds first, '?' in one day field).
            5 => CronExpression.TryParse(text, CronFormat.Unix, out var unix) ? unix.ToString() : null,
            6 or 7 => string.Join(' ', fields),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<days>daily|every day|weekdays|weekends|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\s+(?<h>\d{1,2}):(?<m>\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FriendlyPattern();
}
