using System.Text.RegularExpressions;

namespace BriefingBot.Analysis;

/// <summary>
/// How much a sentence belongs in a news summary. News puts the point first, so position dominates;
/// centrality (likeness to the whole text) and likeness to the title lift a later sentence that states
/// the story, and a length near that of a summary sentence is preferred. Quotes, first-person asides and
/// site furniture are held back.
/// </summary>
internal static partial class SentenceScorer
{
    private const int MinWords = 5;
    private const double Excluded = -100;

    public static double[] Score(IReadOnlyList<Sentence> sentences, IReadOnlyList<TermVector> vectors, TermVector title, SummaryWeights weights)
    {
        var document = TermVector.Sum(vectors);
        var scores = new double[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            var vector = vectors[i];
            // Fragments ("By .", a dateline, a caption credit) and a repeat of the headline are never summary material.
            if (vector.WordCount < MinWords || Boilerplate.IsBoilerplate(sentence.Text) || vector.Cosine(title) > 0.9)
            {
                scores[i] = Excluded;
                continue;
            }

            double score = 1 / Math.Pow(i + 1, weights.PositionDecay)
                + weights.Centrality * vector.Cosine(document)
                + weights.Title * vector.Cosine(title)
                - weights.Length * Math.Abs(vector.WordCount - weights.TargetWords) / weights.TargetWords;
            if (IsQuoteOrAside(sentence.Text))
            {
                score -= weights.QuotePenalty;
            }

            scores[i] = score;
        }

        return scores;
    }

    public static bool IsExcluded(double score) => score <= Excluded;

    private static bool IsQuoteOrAside(string text) => QuoteOrAside().IsMatch(text);

    [GeneratedRegex(@"^\W*[""'‘“`]|\b(I|me|my|we|I'm|I’m)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteOrAside();
}
