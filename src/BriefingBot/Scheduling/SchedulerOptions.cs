using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Scheduling;

/// <summary>The <c>Scheduler</c> section: the one Quartz scheduler every feature's jobs run on.</summary>
public sealed class SchedulerOptions : IValidatableObject
{
    public const string Section = "Scheduler";

    /// <summary>Share the schedule with every worker on the same PostgreSQL database; each fire runs on one of them.</summary>
    public bool Clustered { get; set; }

    /// <summary>This node's id in the cluster; <c>AUTO</c> (default) derives a unique one at start-up.</summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>How often a clustered node records that it is alive.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long past a missed check-in the other nodes wait before recovering a node's jobs.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A trigger later than this is a misfire (handled by its misfire instruction: digests fire once now).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Jobs that may run at once in this process.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CheckinInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:CheckinInterval must be at least 00:00:01 (got {CheckinInterval}).", [nameof(CheckinInterval)]);
        }

        if (CheckinMisfireThreshold < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:CheckinMisfireThreshold must be at least 00:00:01 (got {CheckinMisfireThreshold}).", [nameof(CheckinMisfireThreshold)]);
        }

        if (MisfireThreshold < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{Section}:MisfireThreshold must be at least 00:00:01 (got {MisfireThreshold}).", [nameof(MisfireThreshold)]);
        }

        if (string.IsNullOrWhiteSpace(InstanceId) || InstanceId.Length > 200)
        {
            yield return new ValidationResult($"{Section}:InstanceId must be AUTO or a name of at most 200 characters.", [nameof(InstanceId)]);
        }
    }
}
