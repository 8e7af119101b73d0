using BriefingBot.Analysis.Learning;

namespace BriefingBot.Analysis;

/// <summary>
/// Picks the most salient sentences of an article (see <see cref="SentenceScorer"/>, a learned model) with maximal marginal
/// relevance, so that a summary does not say the same thing twice. Deterministic and offline.
/// </summary>
public sealed class ExtractiveSummarizer : ISummarizer
{
    private const double SetCentralityWeight = 0.4;
    private const double SetRedundancyWeight = 0.7;

    // A sentence this like one already chosen says it again (a repeated paragraph, a pull quote).
    private const double SameSentence = 0.8;

    // Past the first few sentences news rarely holds summary material; a window also keeps long texts cheap.
    private const int MinWindow = 6;

    // Two sentences this alike (stemmed content words, cosine) report the same fact.
    private const double SameFact = 0.5;

    public Task<Summary> SummarizeAsync(string title, string text, int sentences, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Summarize(title, text, sentences));
    }

    public static Summary Summarize(string title, string text, int sentences) =>
        Summarize(title, text, sentences, SentenceScorer.Shipped.Value, SummarySelection.Default);

    internal static Summary Summarize(string title, string text, int sentences, LogisticModel? model, SummarySelection selection)
    {
        if (sentences <= 0)
        {
            return Summary.Empty;
        }

        var document = ScoredDocument.Build(title, text, Window(sentences), model, selection);
        var chosen = MmrSelector.Select(
            document.Candidates(),
            i => document.Scores[i],
            (a, b) => document.Vectors[a].Cosine(document.Vectors[b]),
            sentences,
            selection.Redundancy,
            SameSentence);
        chosen.Sort();
        return new Summary(chosen.Select(i => document.Sentences[i]).ToList());
    }

    /// <summary>
    /// Summarises a set of texts (a story told by several sources, a digest section) in up to
    /// <paramref name="sentences"/> sentences, most salient first, skipping a fact already told by another source.
    /// </summary>
    public Task<SetSummary> SummarizeSetAsync(IReadOnlyList<SetDocument> documents, int sentences, CancellationToken cancellationToken)
    {
        var scored = new List<(long Id, ScoredDocument Document)>(documents.Count);
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            scored.Add((document.Id, ScoredDocument.Build(document.Title, document.Text, Window(sentences), SentenceScorer.Shipped.Value, SummarySelection.Default)));
        }

        var centroid = TermVector.Sum(scored.SelectMany(d => d.Document.Vectors));
        var pool = new List<(int Document, int Sentence, double Score)>();
        for (int d = 0; d < scored.Count; d++)
        {
            var document = scored[d].Document;
            foreach (int i in document.Candidates())
            {
                double score = document.Scores[i] + SetCentralityWeight * document.Vectors[i].Cosine(centroid);
                pool.Add((d, i, score));
            }
        }

        TermVector VectorOf(int p) => scored[pool[p].Document].Document.Vectors[pool[p].Sentence];
        var chosen = MmrSelector.Select(
            Enumerable.Range(0, pool.Count).ToList(),
            p => pool[p].Score,
            (a, b) => VectorOf(a).Cosine(VectorOf(b)),
            Math.Max(0, sentences),
            SetRedundancyWeight,
            SameFact);
        var result = chosen
            .Select(p => new SetSentence(scored[pool[p].Document].Id, scored[pool[p].Document].Document.Sentences[pool[p].Sentence]))
            .ToList();
        return Task.FromResult(new SetSummary(result));
    }

    internal static int Window(int sentences) => Math.Max(MinWindow, 2 * sentences);

    private sealed record ScoredDocument(IReadOnlyList<Sentence> Sentences, TermVector[] Vectors, double[] Scores)
    {
        public static ScoredDocument Build(string title, string text, int window, LogisticModel? model, SummarySelection selection)
        {
            var sentences = SentenceSplitter.Split(text);
            var vectors = sentences.Select(s => TermVector.FromText(text, s.Start, s.Length)).ToArray();
            var scores = SentenceScorer.Score(text, sentences, vectors, TermVector.FromText(title), window, model);
            for (int i = 0; i < scores.Length; i++)
            {
                if (!SentenceScorer.IsExcluded(scores[i]))
                {
                    scores[i] -= selection.LengthCost * vectors[i].WordCount / SummarySelection.WordsPerUnit;
                }
            }

            return new ScoredDocument(sentences, vectors, scores);
        }

        public List<int> Candidates() =>
            Enumerable.Range(0, Sentences.Count).Where(i => !SentenceScorer.IsExcluded(Scores[i])).ToList();
    }
}
