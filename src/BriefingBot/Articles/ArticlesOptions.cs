using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Articles;

public sealed class ArticlesOptions : IValidatableObject
{
    public const string Section = "Articles";

    /// <summary>Ingest the sample articles once, on the first start of a new store.</summary>
    public bool IngestSamples { get; set; } = true;

    /// <summary>Folder of sample articles, relative to the application folder unless absolute.</summary>
    public string SamplesPath { get; set; } = "config/samples";

    /// <summary>Lets chat users add URLs on private, loopback and link-local hosts. Keep false outside a lab.</summary>
    public bool AllowPrivateHosts { get; set; }

    /// <summary>The whole fetch of one URL (all retries and redirects, and reading the body).</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Pages and feeds larger than this are refused.</summary>
    public long MaxDownloadBytes { get; set; } = 5 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FetchTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult($"{Section}:{nameof(FetchTimeout)} must be positive (e.g. 00:00:20).", [nameof(FetchTimeout)]);
        }

        if (MaxDownloadBytes <= 0)
        {
            yield return new ValidationResult($"{Section}:{nameof(MaxDownloadBytes)} must be positive.", [nameof(MaxDownloadBytes)]);
        }

        if (IngestSamples && string.IsNullOrWhiteSpace(SamplesPath))
        {
            yield return new ValidationResult($"{Section}:{nameof(SamplesPath)} must not be empty when {nameof(IngestSamples)} is true.", [nameof(SamplesPath)]);
        }
    }
}
