using System.Globalization;
using System.Text.RegularExpressions;

namespace BriefingBot.Articles.Feeds;

/// <summary>
/// Dates as feeds write them: RFC 822/1123 with named US zones (EST, PDT...), one-digit days and hours, missing seconds,
/// a wrong day name, ISO 8601 with or without a zone. A date that still cannot be read is null (the item then counts
/// from when we first saw it), never a failure.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+00:00", ["UTC"] = "+00:00", ["GMT"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["CET"] = "+01:00", ["CEST"] = "+02:00", ["BST"] = "+01:00", ["JST"] = "+09:00",
    };

    private static readonly string[] Formats =
    [
        "d MMM yyyy H:m:s zzz", "d MMM yyyy H:m zzz", "d MMM yy H:m:s zzz", "d MMM yy H:m zzz",
        "d MMMM yyyy H:m:s zzz", "yyyy-MM-dd'T'H:m:s.FFFFFFFzzz", "yyyy-MM-dd H:m:s zzz", "yyyy-MM-dd'T'H:mzzz",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var direct) && !NamedZone().IsMatch(value))
        {
            return direct;
        }

        // RFC 822: drop the day name (often wrong), turn a zone name or +hhmm into +hh:mm.
        var rfc = DayName().Replace(value, "");
        rfc = NamedZone().Replace(rfc, m => " " + (Zones.TryGetValue(m.Groups[1].Value, out var offset) ? offset : "+00:00"));
        rfc = NumericZone().Replace(rfc, m => $" {m.Groups[1].Value}{m.Groups[2].Value}:{m.Groups[3].Value}");
        if (!ZonePresent().IsMatch(rfc))
        {
            rfc += " +00:00";
        }

        return DateTimeOffset.TryParseExact(rfc.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : DateTimeOffset.TryParse(rfc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var loose) ? loose : null;
    }

    [GeneratedRegex(@"^\s*[A-Za-z]{3,9},?\s+")]
    private static partial Regex DayName();

    [GeneratedRegex(@"\s+([A-Za-z]{1,4})\s*$")]
    private static partial Regex NamedZone();

    [GeneratedRegex(@"\s*([+-])(\d{2}):?(\d{2})\s*$")]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"[+-]\d{2}:\d{2}\s*$")]
    private static partial Regex ZonePresent();
}
