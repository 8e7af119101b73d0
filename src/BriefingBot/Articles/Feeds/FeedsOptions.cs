using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Articles.Feeds;

/// <summary>One configured feed: <c>{ "Url": "https://...", "Every": "00:30:00" }</c>.</summary>
public sealed class FeedOptions
{
    public string Url { get; set; } = "";

    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>The <c>Feeds</c> array of the configuration, polled on a schedule.</summary>
#pragma warning disable CA1710 // Named after its configuration section, like the other options classes.
public sealed class FeedsOptions : List<FeedOptions>, IValidatableObject
#pragma warning restore CA1710
{
    public const string Section = "Feeds";

    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Count; i++)
        {
            var feed = this[i];
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"{Section}:{i}:Url must be an absolute http(s) URL (got '{feed.Url}').");
            }

            if (feed.Every < MinimumInterval)
            {
                yield return new ValidationResult($"{Section}:{i}:Every must be at least 00:01:00 (got {feed.Every}).");
            }
        }
    }
}
