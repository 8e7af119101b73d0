using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Digests;

/// <summary>One configured digest: <c>{ "Platform": "discord", "Channel": "123", "Schedule": "daily 08:00", "TimeZone": "Europe/London" }</c>.</summary>
public sealed class DigestOptions
{
    public string Platform { get; set; } = "";

    public string Channel { get; set; } = "";

    public string Schedule { get; set; } = "";

    public string TimeZone { get; set; } = "UTC";

    public string? Filter { get; set; }

    public int MaxItems { get; set; } = DigestsOptions.DefaultMaxItems;
}

/// <summary>The <c>Digests</c> array of the configuration: subscriptions synced into the store at start-up.</summary>
#pragma warning disable CA1710 // Named after its configuration section, like FeedsOptions.
public sealed class DigestsOptions : List<DigestOptions>, IValidatableObject
#pragma warning restore CA1710
{
    public const string Section = "Digests";
    public const int DefaultMaxItems = 10;
    public const int MaxItemsLimit = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var channels = new HashSet<(string, string)>();
        for (var i = 0; i < Count; i++)
        {
            var digest = this[i];
            var key = $"{Section}:{i}";
            if (digest.Platform.ToLowerInvariant() is not ("discord" or "slack" or "shell"))
            {
                yield return new ValidationResult($"{key}:Platform must be discord, slack or shell (got '{digest.Platform}').");
            }

            if (string.IsNullOrWhiteSpace(digest.Channel))
            {
                yield return new ValidationResult($"{key}:Channel is required (the channel id).");
            }
            else if (!channels.Add((digest.Platform.ToLowerInvariant(), digest.Channel.Trim())))
            {
                yield return new ValidationResult($"{key}:Channel {digest.Channel} has a digest already; one per channel.");
            }

            if (!DigestSchedule.TryParse(digest.Schedule, digest.TimeZone, out _, out var error))
            {
                yield return new ValidationResult($"{key}: {error}");
            }

            if (digest.MaxItems is < 1 or > MaxItemsLimit)
            {
                yield return new ValidationResult($"{key}:MaxItems must be between 1 and {MaxItemsLimit} (got {digest.MaxItems}).");
            }
        }
    }
}
