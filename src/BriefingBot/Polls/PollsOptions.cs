using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Polls;

public sealed class PollsOptions : IValidatableObject
{
    public const string Section = "Polls";

    /// <summary>IANA time zone in which "Friday 17:00" and dates are read and times are shown.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When a poll closes if nobody says ("Poll this" and <c>/poll create</c> without closes).</summary>
    public string DefaultCloses { get; set; } = "in 7 days";

    /// <summary>Resolved forecasts a person needs in a channel to appear on its <c>/leaderboard</c>.</summary>
    public int LeaderboardMinimum { get; set; } = 3;

    /// <summary>Votes within this window after the first share one edit of the poll message's voter count.</summary>
    public TimeSpan CountUpdateDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often overdue polls are closed and creators of overdue unresolved polls reminded (also once at start).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeZoneInfo Zone() => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? string.Empty, out _))
        {
            yield return new ValidationResult($"{Section}:{nameof(TimeZone)} '{TimeZone}' is not a known IANA time zone (e.g. Europe/London).", [nameof(TimeZone)]);
        }

        else if (new PollTimeParser(System.TimeProvider.System, Zone()).ParseInstant(DefaultCloses ?? string.Empty) is null)
        {
            yield return new ValidationResult($"{Section}:{nameof(DefaultCloses)} '{DefaultCloses}' is not a time I can read. Try {PollTimeParser.Examples}.", [nameof(DefaultCloses)]);
        }

        if (LeaderboardMinimum < 1)
        {
            yield return new ValidationResult($"{Section}:{nameof(LeaderboardMinimum)} must be at least 1.", [nameof(LeaderboardMinimum)]);
        }

        if (CountUpdateDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(CountUpdateDelay)} must not be negative.", [nameof(CountUpdateDelay)]);
        }

        if (SweepInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:{nameof(SweepInterval)} must be at least a second.", [nameof(SweepInterval)]);
        }
    }
}
