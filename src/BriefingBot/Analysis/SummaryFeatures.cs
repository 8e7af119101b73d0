using System.Text.RegularExpressions;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Analysis;

/// <summary>
/// What the summary model (<see cref="SentenceScorer"/>) sees of a sentence, as indicator features: its position,
/// its length, its likeness to the whole text and to the title, and whether it names people or places (capitalised
/// words inside it), gives figures, quotes someone or hedges. Continuous values are bucketed so that a linear model
/// can learn a curve over them.
/// </summary>
internal static partial class SummaryFeatures
{
    private const int Position = 1, Length = 2, Centrality = 3, TitleLikeness = 4, Quote = 5, Figures = 6,
        Names = 7, Hedged = 8, PositionCentrality = 9, PositionLength = 10, Question = 11;

    public static void Add(string text, Sentence sentence, int index, TermVector vector, TermVector document, TermVector title, List<ulong> features)
    {
        int position = Math.Min(index, 9);
        int length = Math.Min(vector.WordCount / 5, 10);
        int centrality = Bucket(vector.Cosine(document));
        Put(features, Position, position);
        Put(features, Length, length);
        Put(features, Centrality, centrality);
        if (Uses(TitleLikeness))
        {
            Put(features, TitleLikeness, Bucket(vector.Cosine(title)));
        }

        Put(features, PositionCentrality, (Math.Min(index, 3) * 16) + (centrality / 3));
        Put(features, PositionLength, (Math.Min(index, 3) * 16) + (Math.Min(length, 8) / 2));
        if (Uses(Names))
        {
            Put(features, Names, Math.Min(CapitalisedInside(sentence.Text), 4));
        }

        if (Uses(Quote) && IsQuoteOrAside(sentence.Text))
        {
            Put(features, Quote);
        }

        if (Uses(Figures) && sentence.Text.Any(char.IsAsciiDigit))
        {
            Put(features, Figures);
        }

        if (sentence.Text.TrimEnd().EndsWith('?'))
        {
            Put(features, Question);
        }

        if (Uses(Hedged) && HedgeDetector.FindCues(text, sentence.Start, sentence.Length).Any(c => c.IsUncertain))
        {
            Put(features, Hedged);
        }
    }

    /// <summary>Every template, for cross-validation to pick from.</summary>
    internal const int AllTemplates = -1;

    /// <summary>
    /// The templates the shipped model uses, one bit each: position, length and centrality. Three-fold
    /// cross-validation on the tune part (<c>analysis-train --summary --cv</c>) scored every other one as a loss
    /// against Lead-3 on articles its model had not seen; with 67 training articles they fit noise.
    /// </summary>
    internal const int ShippedTemplates = (1 << Position) | (1 << Length) | (1 << Centrality);

    internal static int Templates { get; set; } = ShippedTemplates;

    private static bool Uses(int template) => (Templates & (1 << template)) != 0;

    private static void Put(List<ulong> features, int template, int value = 0)
    {
        if (Uses(template))
        {
            features.Add(FeatureHash.Of(template, value));
        }
    }

    // Cosines of news sentences rarely pass 0.6; tenths up to there, one bucket above.
    private static int Bucket(double cosine) => Math.Min((int)(cosine * 10), 6);

    private static int CapitalisedInside(string sentence)
    {
        int count = 0;
        bool first = true;
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first && char.IsUpper(word[0]))
            {
                count++;
            }

            first = false;
        }

        return count;
    }

    private static bool IsQuoteOrAside(string text) => QuoteOrAside().IsMatch(text);

    [GeneratedRegex(@"^\W*[""'‘“`]|\b(I|me|my|we|I'm|I’m)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuoteOrAside();
}
