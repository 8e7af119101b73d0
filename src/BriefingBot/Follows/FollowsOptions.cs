using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Follows;

/// <summary>The <c>Follow</c> section (named as the issue and the README name it): how often alerts of one follow may go out.</summary>
public sealed class FollowsOptions : IValidatableObject
{
    public const string Section = "Follow";

    /// <summary>At most one alert per follow in this time; what arrives meanwhile goes into the next one.</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often queued alerts are looked at (and alerts a stopped worker left are finished).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a worker holds an alert it is posting. A worker that stopped mid-post leaves it; after this time a restart
    /// or another replica takes it over and posts it (with the same key), so it is also the longest an alert waits then.
    /// </summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Stories listed in one alert; the rest are counted ("and 4 more").</summary>
    [Range(1, 25)]
    public int MaxStoriesPerAlert { get; set; } = 10;

    /// <summary>Follows one person may have in one workspace.</summary>
    [Range(1, 1000)]
    public int MaxPerUser { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinInterval < TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(MinInterval)} must not be negative (got {MinInterval}).", [nameof(MinInterval)]);
        }

        if (SendLease < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:{nameof(SendLease)} must be at least 00:00:01 (got {SendLease}).", [nameof(SendLease)]);
        }

        if (CheckInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:{nameof(CheckInterval)} must be at least 00:00:01 (got {CheckInterval}).", [nameof(CheckInterval)]);
        }
    }
}
