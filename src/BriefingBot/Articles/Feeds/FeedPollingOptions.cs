using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Articles.Feeds;

/// <summary>How feeds are polled (section <c>FeedPolling</c>); the feeds themselves are in the store and in <c>Feeds</c>.</summary>
public sealed class FeedPollingOptions : IValidatableObject
{
    public const string Section = "FeedPolling";

    /// <summary>Sent with every feed request, so that a publisher can see who polls and how to reach us.</summary>
    public string UserAgent { get; set; } = "BriefingBot/1.0 (feed reader; +https://github.com/briefingbot/briefingbot)";

    /// <summary>How often the store is checked for feeds that are due.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><c>/feed add</c> without <c>every</c>.</summary>
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The shortest interval chat users may ask for.</summary>
    public TimeSpan MinimumChatInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The shortest interval the operator (shell, configuration) may ask for.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Consecutive failures after which a feed is disabled.</summary>
    public int MaxConsecutiveFailures { get; set; } = 10;

    /// <summary>Failures back off by doubling the interval, up to this.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A feed answering 404 or 410 for this long is disabled as gone.</summary>
    public TimeSpan PermanentAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Feeds of different hosts polled at once (one request at a time per host, always).</summary>
    public int ParallelHosts { get; set; } = 4;

    /// <summary>An OPML import adds at most this many feeds; the rest are reported as skipped.</summary>
    public int MaxImport { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            yield return new ValidationResult($"{Section}:{nameof(UserAgent)} must not be empty.", [nameof(UserAgent)]);
        }

        foreach (var (name, value) in new[]
        {
            (nameof(SweepInterval), SweepInterval), (nameof(DefaultInterval), DefaultInterval), (nameof(MinimumChatInterval), MinimumChatInterval),
            (nameof(MinimumInterval), MinimumInterval), (nameof(MaxBackoff), MaxBackoff), (nameof(PermanentAfter), PermanentAfter),
        })
        {
            if (value < TimeSpan.FromSeconds(1))
            {
                yield return new ValidationResult($"{Section}:{name} must be at least a second (e.g. 00:05:00).", [name]);
            }
        }

        if (MaxConsecutiveFailures < 1 || ParallelHosts < 1 || MaxImport < 1)
        {
            yield return new ValidationResult($"{Section}:{nameof(MaxConsecutiveFailures)}, {nameof(ParallelHosts)} and {nameof(MaxImport)} must be at least 1.");
        }
    }
}
