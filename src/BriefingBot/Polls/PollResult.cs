namespace BriefingBot.Polls;

/// <summary>The figures of a closed poll: how many voted, the median and mean probability (percent), and votes per band.</summary>
public sealed record PollResult(int Voters, double MedianPercent, double MeanPercent, IReadOnlyDictionary<string, int> CountByBand)
{
    public ProbabilityBand MedianBand => ProbabilityBand.For(MedianPercent);

    public static PollResult? From(IReadOnlyCollection<Vote> votes)
    {
        if (votes.Count == 0)
        {
            return null;
        }

        var counts = ProbabilityBand.All.ToDictionary(b => b.Id, b => votes.Count(v => v.Band == b.Id));
        var probabilities = votes.Select(v => v.Probability).ToList();
        return new PollResult(votes.Count, Scoring.Median(probabilities), probabilities.Average(), counts);
    }
}
