using BriefingBot.Analysis.Actors;

namespace BriefingBot.Analysis.Learning;

/// <summary>
/// Trains the <see cref="MentionTagger"/> on CoNLL documents: gold spans become BIO tags over our own words, and
/// each epoch visits the documents in an order shuffled by a seeded generator, tagging greedily with the current
/// weights (so the previous-tag features see the model's own mistakes, as at run time).
/// </summary>
internal static class MentionTaggerTrainer
{
    public const int DefaultEpochs = 8;
    public const int DefaultSeed = 14;

    public static AveragedPerceptron Train(
        IReadOnlyList<ConllDocument> documents, ActorCatalog catalog, bool useRules, int epochs = DefaultEpochs, int seed = DefaultSeed, Action<string>? progress = null)
    {
        var gazetteer = new Gazetteer(catalog.Names);
        var rules = useRules ? new ActorRecognizer(catalog, model: null) : null;
        var prepared = documents.Select(document =>
        {
            var words = WordScanner.Scan(document.Text);
            var context = new TaggingContext(document.Text, words, gazetteer, rules?.Recognize(document.Text));
            return (Words: words, Context: context, Gold: GoldTags(words, document.Entities));
        }).ToList();

        var trainer = new AveragedPerceptron.Trainer(MentionTagger.Tags.Length);
        var random = new Random(seed);
        var order = Enumerable.Range(0, prepared.Count).ToArray();
        var features = new ulong[MentionTagger.FeatureCapacity];
        var scores = new float[MentionTagger.Tags.Length];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int errors = 0, total = 0;
            random.Shuffle(order);
            foreach (int d in order)
            {
                var (words, context, gold) = prepared[d];
                var tags = new int[words.Length];
                for (int i = 0; i < words.Length; i++)
                {
                    int count = context.Features(i, tags, features);
                    trainer.Score(features.AsSpan(0, count), scores);
                    int guess = MentionTagger.Best(scores, i == 0 ? 0 : tags[i - 1], words[i]);
                    trainer.Update(features.AsSpan(0, count), gold[i], guess);
                    tags[i] = guess;
                    errors += guess != gold[i] ? 1 : 0;

                    total++;
                }
            }

            progress?.Invoke($"epoch {epoch + 1}: {errors} tagging errors in {total} words");
        }

        return trainer.Finish();
    }

    /// <summary>The gold BIO tag of every word: B- on the word that starts a span, I- on the rest of its words.</summary>
    internal static int[] GoldTags(WordToken[] words, IReadOnlyList<ConllSpan> spans)
    {
        var tags = new int[words.Length];
        int w = 0;
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            while (w < words.Length && words[w].Start < span.Start)
            {
                w++;
            }

            int type = Array.IndexOf(MentionTagger.Tags, "B-" + span.Type);
            for (int k = w; k < words.Length && words[k].End <= span.End; k++)
            {
                tags[k] = k == w ? type : type + 1;
            }
        }

        return tags;
    }
}
