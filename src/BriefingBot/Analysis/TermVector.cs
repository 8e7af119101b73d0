namespace BriefingBot.Analysis;

/// <summary>Stemmed content words of a text with their counts, for cosine similarity.</summary>
public sealed class TermVector
{
    private readonly Dictionary<string, int> counts;
    private readonly double norm;

    private TermVector(Dictionary<string, int> counts)
    {
        this.counts = counts;
        norm = Math.Sqrt(counts.Values.Sum(c => (double)c * c));
    }

    public int WordCount { get; private init; }

    public static TermVector FromText(string text) => FromText(text, 0, text.Length);

    public static TermVector FromText(string text, int start, int length)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = Tokenizer.Tokenize(text, start, length);
        foreach (var token in tokens)
        {
            var word = Tokenizer.Normalize(token.Text);
            if (!StopWords.Contains(word))
            {
                var stem = Stemmer.Stem(word);
                counts[stem] = counts.GetValueOrDefault(stem) + 1;
            }
        }

        return new TermVector(counts) { WordCount = tokens.Count };
    }

    public static TermVector Sum(IEnumerable<TermVector> vectors)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int words = 0;
        foreach (var vector in vectors)
        {
            words += vector.WordCount;
            foreach (var (term, count) in vector.counts)
            {
                counts[term] = counts.GetValueOrDefault(term) + count;
            }
        }

        return new TermVector(counts) { WordCount = words };
    }

    public double Cosine(TermVector other)
    {
        if (norm == 0 || other.norm == 0)
        {
            return 0;
        }

        var (small, large) = counts.Count <= other.counts.Count ? (counts, other.counts) : (other.counts, counts);
        double dot = 0;
        foreach (var (term, count) in small)
        {
            if (large.TryGetValue(term, out int otherCount))
            {
                dot += (double)count * otherCount;
            }
        }

        return dot / (norm * other.norm);
    }
}
