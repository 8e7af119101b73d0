using System.Globalization;

namespace BriefingBot.Analysis.Developments;

/// <summary>Turns a claim into a yes/no question that a poll can settle on a date: "Will North Korea deploy more troops to Russia by 31 August 2026?".</summary>
public static class PollQuestion
{
    public static string Ask(Claim claim, DateOnly resolveBy) =>
        $"Will {InSentence(claim.Subject)} {claim.Predicate} by {Date(resolveBy)}?";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    // "The move" opens the claim but not the question: "Will the move ...".
    private static string InSentence(string subject)
    {
        int space = subject.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? subject : subject[..space];
        return StopWords.Contains(first.ToLowerInvariant()) ? char.ToLowerInvariant(subject[0]) + subject[1..] : subject;
    }
}
