using System.Reflection;
using System.Runtime.InteropServices;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Analysis;

/// <summary>
/// How much a sentence belongs in a news summary: the probability a logistic model
/// (<c>Analysis/Models/summary.model</c>, trained by <see cref="SummaryTrainer"/> on the tune part of the
/// CNN/DailyMail set) gives it of being in the best extract, from <see cref="SummaryFeatures"/>. Fragments, site
/// furniture and a repeat of the headline are excluded outright.
/// </summary>
internal static class SentenceScorer
{
    private const int MinWords = 5;
    private const double Excluded = -100;

    public static readonly Lazy<LogisticModel?> Shipped = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BriefingBot.Analysis.Models.summary.model");
        return stream is null ? null : LogisticModel.Load(stream);
    });

    /// <summary>Scores the first <paramref name="window"/> sentences; later ones are excluded.</summary>
    public static double[] Score(string text, IReadOnlyList<Sentence> sentences, IReadOnlyList<TermVector> vectors, TermVector title, int window, LogisticModel? model)
    {
        var document = TermVector.Sum(vectors);
        var scores = new double[sentences.Count];
        var features = new List<ulong>(16);
        for (int i = 0; i < sentences.Count; i++)
        {
            if (i >= window || !IsCandidate(sentences[i], vectors[i], title))
            {
                scores[i] = Excluded;
                continue;
            }

            features.Clear();
            SummaryFeatures.Add(text, sentences[i], i, vectors[i], document, title, features);
            scores[i] = model is null ? 1.0 / (i + 1) : model.Probability(CollectionsMarshal.AsSpan(features));
        }

        return scores;
    }

    /// <summary>Fragments ("By .", a dateline, a caption credit) and a repeat of the headline are never summary material.</summary>
    public static bool IsCandidate(Sentence sentence, TermVector vector, TermVector title) =>
        vector.WordCount >= MinWords && !Boilerplate.IsBoilerplate(sentence.Text) && vector.Cosine(title) <= 0.9;

    public static bool IsExcluded(double score) => score <= Excluded;
}
