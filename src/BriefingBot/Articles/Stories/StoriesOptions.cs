using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Articles.Stories;

/// <summary>How articles are grouped into stories at ingest (section <c>Stories</c>).</summary>
public sealed class StoriesOptions : IValidatableObject
{
    public const string Section = "Stories";

    /// <summary>An article joins the most similar story in the window when the TF-IDF cosine reaches this.</summary>
    public double JoinSimilarity { get; set; } = 0.18;

    /// <summary>Two stories an article matches are one when their centroids are at least this alike.</summary>
    public double MergeSimilarity { get; set; } = 0.5;

    /// <summary>Stories with an article within this many days of the new article's date are candidates.</summary>
    public int WindowDays { get; set; } = 7;

    /// <summary>Rarest terms of an article that index its story and look up candidates.</summary>
    public int IndexTerms { get; set; } = 20;

    /// <summary>Candidate stories compared in full, those sharing the most index terms.</summary>
    public int Candidates { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (JoinSimilarity is <= 0 or > 1)
        {
            yield return new ValidationResult($"{Section}:{nameof(JoinSimilarity)} must be in (0, 1].", [nameof(JoinSimilarity)]);
        }

        if (MergeSimilarity is <= 0 or > 1)
        {
            yield return new ValidationResult($"{Section}:{nameof(MergeSimilarity)} must be in (0, 1].", [nameof(MergeSimilarity)]);
        }

        if (WindowDays is < 0 or > 60)
        {
            yield return new ValidationResult($"{Section}:{nameof(WindowDays)} must be between 0 and 60.", [nameof(WindowDays)]);
        }

        if (IndexTerms is < 1 or > 200 || Candidates is < 1 or > 200)
        {
            yield return new ValidationResult($"{Section}:{nameof(IndexTerms)} and {nameof(Candidates)} must be between 1 and 200.", [nameof(IndexTerms), nameof(Candidates)]);
        }
    }
}
