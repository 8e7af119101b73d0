using System.Buffers;
using System.Text.RegularExpressions;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// Resolves the time expression of a sentence against the article's date: "as early as July or August of this
/// year", "next month", "by the end of the year", "in the coming months", "before March", "within weeks", a year,
/// a date. A month named without a year is the next such month on or after the article's month (news looks ahead).
/// Vague spans read as: days → 7 days, weeks → 1 month, months → 3 months.
/// </summary>
public static partial class TimeWindowResolver
{
    private const string Month =
        "(?-i:(?:January|February|March|April|May|June|July|August|September|October|November|December)\\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\\.|\\b))";

    private const string YearTail = "(?:,?\\s+(?:of\\s+)?(?:(?<this>this\\s+year)|(?<next>next\\s+year)|(?<y>(?:19|20)\\d{2})))?";

    private delegate TimeWindow? Rule(Match match, DateOnly reference);

    private static readonly (Regex Pattern, Rule Resolve)[] Rules =
    [
        (DatePattern(), ResolveDate),
        (MonthRangePattern(), ResolveMonthRange),
        (SpanPattern(), ResolveSpan),
        (RelativeYearPattern(), ResolveRelativeYear),
        (RelativeMonthPattern(), ResolveRelativeMonth),
        (MonthPattern(), ResolveMonth),
        (SeasonPattern(), ResolveSeason),
        (YearPattern(), ResolveYear),
    ];

    /// <summary>The first time expression in <paramref name="text"/>, or null.</summary>
    public static TimeExpression? Find(string text, DateOnly reference) => FindAll(text, 0, text.Length, reference) is [var first, ..] ? first : null;

    /// <summary>
    /// All time expressions of a span of <paramref name="text"/>, in text order. Where two overlap, the more specific
    /// rule wins: a date over a month range over a span over a relative year or month over a month over a season over a year.
    /// </summary>
    public static IReadOnlyList<TimeExpression> FindAll(string text, int start, int length, DateOnly reference)
    {
        var found = new List<TimeExpression>();
        if (!MayHoldTime(text.AsSpan(start, length)))
        {
            return found;
        }

        foreach (var (pattern, resolve) in Rules)
        {
            for (var match = pattern.Match(text, start, length); match.Success; match = match.NextMatch())
            {
                var (at, size) = Trimmed(match);
                if (size > 0 && !found.Any(f => at < f.End && f.Start < at + size) && resolve(match, reference) is { } window)
                {
                    found.Add(new TimeExpression(at, size, window));
                }
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    // Every rule needs a digit, a capitalised month, or one of these words: most sentences have none, and eight
    // regular expressions cost more than this scan.
    private static bool MayHoldTime(ReadOnlySpan<char> span) =>
        span.ContainsAnyInRange('0', '9') || span.ContainsAny(MonthNames) || span.ContainsAny(TimeWords);

    private static readonly SearchValues<string> MonthNames = SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], StringComparison.Ordinal);

    private static readonly SearchValues<string> TimeWords = SearchValues.Create(
        ["day", "week", "month", "year", "spring", "summer", "autumn", "fall", "winter"], StringComparison.OrdinalIgnoreCase);

    // Patterns may start with optional white space before an absent preposition.
    private static (int Start, int Length) Trimmed(Match match)
    {
        int lead = match.Value.Length - match.Value.TrimStart().Length;
        return (match.Index + lead, match.Value.Trim().Length);
    }

    /// <summary>The window of the first time expression in <paramref name="text"/>, or null.</summary>
    public static TimeWindow? Resolve(string text, DateOnly reference) => Find(text, reference)?.Window;

    [GeneratedRegex($"\\b(?<prep>by|before|until|on|from)?\\s*(?:(?<d>\\d{{1,2}})\\s+(?<m>{Month})|(?<m>{Month})\\s+(?<d>\\d{{1,2}})(?:st|nd|rd|th)?\\b)(?:,?\\s+(?<y>(?:19|20)\\d{{2}}))?", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex($"\\b(?<prep>by|before|until)?\\s*(?:(?:as\\s+(?:early|soon)\\s+as|between|from|in|around|during)\\s+)?(?<m>{Month})\\s+(?:or|and|to|through|-|–)\\s+(?<m2>{Month}){YearTail}", RegexOptions.IgnoreCase)]
    private static partial Regex MonthRangePattern();

    [GeneratedRegex("\\b(?:(?:in|over)\\s+the\\s+(?:coming|next)\\s+(?:few\\s+)?|in\\s+coming\\s+|within\\s+(?:the\\s+next\\s+)?(?:a\\s+few\\s+)?|in\\s+the\\s+next\\s+(?:few\\s+)?)(?<n>\\d+\\s+|two\\s+|three\\s+|six\\s+)?(?<unit>days|weeks|months|years)\\b|\\bin\\s+the\\s+(?<unit>days|weeks|months)\\s+ahead\\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanPattern();

    [GeneratedRegex("\\b(?:as\\s+(?:early|soon)\\s+as\\s+)?(?:(?<end>by\\s+(?:the\\s+)?end\\s+of\\s+(?:the\\s+|this\\s+)?year|by\\s+year[- ]end|later\\s+this\\s+year|before\\s+the\\s+end\\s+of\\s+(?:the\\s+|this\\s+)?year)|(?<nextend>by\\s+the\\s+end\\s+of\\s+next\\s+year)|(?<early>early\\s+next\\s+year)|(?<late>late\\s+next\\s+year)|(?<next>next\\s+year)|(?<this>this\\s+year))\\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeYearPattern();

    [GeneratedRegex("\\b(?:as\\s+(?:early|soon)\\s+as\\s+)?(?:(?<next>next\\s+month)|(?<end>(?:by\\s+)?(?:the\\s+)?end\\s+of\\s+(?:the|this)\\s+month|later\\s+this\\s+month|this\\s+month)|(?<week>next\\s+week))\\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeMonthPattern();

    [GeneratedRegex($"\\b(?<prep>as\\s+(?:early|soon)\\s+as|by|before|until|in|from|during|early|late|mid-?|end\\s+of)?\\s*(?<m>{Month}){YearTail}", RegexOptions.IgnoreCase)]
    private static partial Regex MonthPattern();

    [GeneratedRegex("\\b(?<prep>by|before|as\\s+(?:early|soon)\\s+as)?\\s*(?:this|next|the|in\\s+the)?\\s*(?<s>spring|summer|autumn|fall|winter)\\b", RegexOptions.IgnoreCase)]
    private static partial Regex SeasonPattern();

    [GeneratedRegex("\\b(?<prep>in|by|before|until|during)?\\s*(?<y>20\\d{2})\\b(?!\\s*(?:troops|soldiers|people|personnel|units))", RegexOptions.IgnoreCase)]
    private static partial Regex YearPattern();

    private static TimeWindow? ResolveDate(Match match, DateOnly reference)
    {
        var month = MonthNumber(match.Groups["m"].Value);
        var day = int.Parse(match.Groups["d"].ValueSpan, provider: null);
        var year = match.Groups["y"].Success ? int.Parse(match.Groups["y"].ValueSpan, provider: null) : reference.Year;
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        if (!match.Groups["y"].Success && date < reference.AddMonths(-1))
        {
            date = date.AddYears(1);
        }

        return Prefixed(match.Groups["prep"].Value, new TimeWindow(date, date), reference);
    }

    private static TimeWindow ResolveMonthRange(Match match, DateOnly reference)
    {
        var year = Year(match, MonthNumber(match.Groups["m"].Value), reference);
        var first = MonthOf(year, MonthNumber(match.Groups["m"].Value));
        var lastMonth = MonthNumber(match.Groups["m2"].Value);
        var last = MonthOf(lastMonth < first.From.Month ? year + 1 : year, lastMonth);
        return Prefixed(match.Groups["prep"].Value, new TimeWindow(first.From, last.To), reference);
    }

    private static TimeWindow ResolveSpan(Match match, DateOnly reference)
    {
        var n = match.Groups["n"].Value.Trim().ToLowerInvariant() switch
        {
            "" => 0,
            "two" => 2,
            "three" => 3,
            "six" => 6,
            var digits => int.Parse(digits, provider: null),
        };
        var to = match.Groups["unit"].Value.ToLowerInvariant() switch
        {
            "days" => n > 0 ? reference.AddDays(n) : reference.AddDays(7),
            "weeks" => n > 0 ? reference.AddDays(7 * n) : reference.AddMonths(1),
            "months" => reference.AddMonths(n > 0 ? n : 3),
            _ => reference.AddYears(n > 0 ? n : 3),
        };
        return new TimeWindow(reference, to);
    }

    private static TimeWindow ResolveRelativeYear(Match match, DateOnly reference)
    {
        var year = reference.Year;
        if (match.Groups["end"].Success)
        {
            return new TimeWindow(reference, new DateOnly(year, 12, 31));
        }

        if (match.Groups["nextend"].Success)
        {
            return new TimeWindow(reference, new DateOnly(year + 1, 12, 31));
        }

        if (match.Groups["early"].Success)
        {
            return new TimeWindow(new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 4, 30));
        }

        if (match.Groups["late"].Success)
        {
            return new TimeWindow(new DateOnly(year + 1, 9, 1), new DateOnly(year + 1, 12, 31));
        }

        return match.Groups["next"].Success
            ? new TimeWindow(new DateOnly(year + 1, 1, 1), new DateOnly(year + 1, 12, 31))
            : new TimeWindow(reference, new DateOnly(year, 12, 31));
    }

    private static TimeWindow ResolveRelativeMonth(Match match, DateOnly reference)
    {
        if (match.Groups["next"].Success)
        {
            var next = reference.AddMonths(1);
            return MonthOf(next.Year, next.Month);
        }

        if (match.Groups["week"].Success)
        {
            var daysToMonday = ((int)DayOfWeek.Monday - (int)reference.DayOfWeek + 7) % 7;
            var monday = reference.AddDays(daysToMonday == 0 ? 7 : daysToMonday);
            return new TimeWindow(monday, monday.AddDays(6));
        }

        return new TimeWindow(reference, MonthOf(reference.Year, reference.Month).To);
    }

    private static TimeWindow? ResolveMonth(Match match, DateOnly reference)
    {
        var word = match.Groups["m"].Value;

        // "May" opening a sentence before a verb is the modal, not the month.
        if (word == "May" && !match.Groups["prep"].Success && !match.Groups["y"].Success && !match.Groups["this"].Success && !match.Groups["next"].Success)
        {
            return null;
        }

        var month = MonthNumber(word);
        var window = MonthOf(Year(match, month, reference), month);
        return Prefixed(match.Groups["prep"].Value, window, reference);
    }

    private static TimeWindow ResolveSeason(Match match, DateOnly reference)
    {
        var (first, months) = match.Groups["s"].Value.ToLowerInvariant() switch
        {
            "spring" => (3, 3),
            "summer" => (6, 3),
            "winter" => (12, 3),
            _ => (9, 3),
        };
        var from = new DateOnly(reference.Year, first, 1);
        if (from.AddMonths(months) <= reference)
        {
            from = from.AddYears(1);
        }

        return Prefixed(match.Groups["prep"].Value, new TimeWindow(from, from.AddMonths(months).AddDays(-1)), reference);
    }

    private static TimeWindow ResolveYear(Match match, DateOnly reference)
    {
        var year = int.Parse(match.Groups["y"].ValueSpan, provider: null);
        return Prefixed(match.Groups["prep"].Value, new TimeWindow(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), reference);
    }

    // "by X" runs from the article's date to the end of X; "before X" and "until X" up to the day before X starts.
    private static TimeWindow Prefixed(string preposition, TimeWindow window, DateOnly reference)
    {
        var prep = preposition.Trim().ToLowerInvariant();
        if (prep == "by")
        {
            return new TimeWindow(Min(reference, window.From), window.To);
        }

        if (prep is "before" or "until")
        {
            var to = window.From.AddDays(-1);
            return new TimeWindow(Min(reference, to), to);
        }

        return window;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static int Year(Match match, int month, DateOnly reference)
    {
        if (match.Groups["y"].Success)
        {
            return int.Parse(match.Groups["y"].ValueSpan, provider: null);
        }

        if (match.Groups["this"].Success)
        {
            return reference.Year;
        }

        if (match.Groups["next"].Success)
        {
            return reference.Year + 1;
        }

        return month < reference.Month ? reference.Year + 1 : reference.Year;
    }

    private static TimeWindow MonthOf(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    private static int MonthNumber(string word) => word[..3].ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };
}
