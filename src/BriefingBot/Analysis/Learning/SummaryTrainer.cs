namespace BriefingBot.Analysis.Learning;

/// <summary>
/// Trains the summary model of <see cref="SentenceScorer"/>: logistic regression over <see cref="SummaryFeatures"/>
/// of the candidate sentences of CNN/DailyMail articles, a sentence being positive when it is in the article's
/// oracle extract (the up to three candidates that, added greedily, most raise the mean of ROUGE-1 and ROUGE-2 F1
/// against the reference). Deterministic for a seed.
/// </summary>
internal static class SummaryTrainer
{
    public const int Sentences = 3;
    public const int DefaultSeed = 14;
    // Chosen with the feature templates and SummarySelection.Default by cross-validation on the tune part.
    public const int DefaultEpochs = 5;
    public const double DefaultL2 = 0.1;

    public static LogisticModel Train(IReadOnlyList<SummaryCase> cases, int seed = DefaultSeed, int epochs = DefaultEpochs, double l2 = DefaultL2)
    {
        var examples = new List<(ulong[] Features, double Target, double Weight)>();
        foreach (var c in cases)
        {
            var candidates = Candidates(c);
            var oracle = Oracle(candidates.Select(x => x.Text).ToList(), c.Reference, Sentences);
            examples.AddRange(candidates.Select((x, i) => (x.Features, oracle.Contains(i) ? 1.0 : 0.0, 1.0)));
        }

        return LogisticModel.Train(examples, epochs, l2, seed);
    }

    /// <summary>The indices of the greedy oracle extract of <paramref name="sentences"/> against <paramref name="reference"/>.</summary>
    public static HashSet<int> Oracle(IReadOnlyList<string> sentences, string reference, int count)
    {
        var chosen = new HashSet<int>();
        double best = 0;
        while (chosen.Count < count)
        {
            int pick = -1;
            for (int i = 0; i < sentences.Count; i++)
            {
                if (chosen.Contains(i))
                {
                    continue;
                }

                var candidate = string.Join(" ", chosen.Append(i).Order().Select(k => sentences[k]));
                double score = (Rouge.N(candidate, reference, 1).F1 + Rouge.N(candidate, reference, 2).F1) / 2;
                if (score > best)
                {
                    (best, pick) = (score, i);
                }
            }

            if (pick < 0)
            {
                break;
            }

            chosen.Add(pick);
        }

        return chosen;
    }

    private static List<(string Text, ulong[] Features)> Candidates(SummaryCase c)
    {
        var sentences = SentenceSplitter.Split(c.Article);
        var vectors = sentences.Select(s => TermVector.FromText(c.Article, s.Start, s.Length)).ToArray();
        var document = TermVector.Sum(vectors);
        var title = TermVector.FromText(c.Title);
        var result = new List<(string, ulong[])>();
        var features = new List<ulong>(16);
        for (int i = 0; i < Math.Min(sentences.Count, ExtractiveSummarizer.Window(Sentences)); i++)
        {
            if (SentenceScorer.IsCandidate(sentences[i], vectors[i], title))
            {
                features.Clear();
                SummaryFeatures.Add(c.Article, sentences[i], i, vectors[i], document, title, features);
                result.Add((sentences[i].Text, [.. features]));
            }
        }

        return result;
    }
}
