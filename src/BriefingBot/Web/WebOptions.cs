using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Web;

/// <summary>The web view on the worker's own Kestrel: pages reached through a personal link that <c>/web</c> gives in chat.</summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>Serves <c>/web/...</c> and registers <c>/web</c>. Off by default.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The address people open (<c>https://bot.example.org</c>): links start with it and chat messages that have a page get
    /// an "Open in browser" button. Unset: links use the address Kestrel listens on, and no message gets the button.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The HMAC key that signs links: a secret, set only through <c>BriefingBot__Web__SigningKey</c> (at least 32
    /// characters). Unset: a random key is generated once and kept in the store, so every replica shares it.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a link (and the session it opens) lasts.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Items per page (digests in the archive, stories on an actor's page).</summary>
    public int PageSize { get; set; } = 10;

    public Uri? BaseUri => string.IsNullOrWhiteSpace(BaseUrl) ? null : new Uri(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query)))
        {
            yield return new ValidationResult($"{Section}:{nameof(BaseUrl)} must be an absolute http or https address without a query (https://bot.example.org).", [nameof(BaseUrl)]);
        }

        if (!string.IsNullOrEmpty(SigningKey) && SigningKey.Length < 32)
        {
            // The key itself is never part of a message.
            yield return new ValidationResult($"{Section}:{nameof(SigningKey)} must be at least 32 characters (set it through BriefingBot__Web__SigningKey).", [nameof(SigningKey)]);
        }

        if (LinkLifetime < TimeSpan.FromMinutes(5) || LinkLifetime > TimeSpan.FromDays(90))
        {
            yield return new ValidationResult($"{Section}:{nameof(LinkLifetime)} must be between 5 minutes and 90 days.", [nameof(LinkLifetime)]);
        }

        if (PageSize is < 1 or > 100)
        {
            yield return new ValidationResult($"{Section}:{nameof(PageSize)} must be between 1 and 100.", [nameof(PageSize)]);
        }
    }
}
