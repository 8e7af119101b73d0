using System.Buffers.Binary;

namespace BriefingBot.Articles.Stories;

/// <summary>
/// A story's centroid: the sum of its articles' length-normalised term vectors (without IDF, which is applied when
/// comparing, so weights follow the current statistics), capped at <see cref="MaxTerms"/> strongest terms.
/// </summary>
public sealed class StoryVector
{
    public const int MaxTerms = 300;

    private StoryVector(long[] terms, float[] weights, int articles)
    {
        Terms = terms;
        Weights = weights;
        Articles = articles;
    }

    public long[] Terms { get; private set; }

    public float[] Weights { get; private set; }

    public int Articles { get; private set; }

    public static StoryVector Empty() => new([], [], 0);

    public static StoryVector Of(StoryTerms article, TermStatistics statistics)
    {
        var vector = Empty();
        vector.Add(article, statistics);
        return vector;
    }

    /// <summary>Adds an article; beyond <see cref="MaxTerms"/> the terms weakest by weight times IDF go.</summary>
    public void Add(StoryTerms article, TermStatistics statistics)
    {
        var norm = 0f;
        foreach (var w in article.Weights)
        {
            norm += w * w;
        }

        norm = norm > 0 ? MathF.Sqrt(norm) : 1f;
        Merge(article.Terms, [.. article.Weights.Select(w => w / norm)], 1, statistics);
    }

    public void Add(StoryVector other, TermStatistics statistics) => Merge(other.Terms, other.Weights, other.Articles, statistics);

    /// <summary>Cosine similarity of an article and this centroid, both weighted by IDF.</summary>
    public float Cosine(StoryTerms article, TermStatistics statistics)
    {
        float dot = 0, articleNorm = 0, storyNorm = 0;
        int i = 0, j = 0;
        while (i < article.Terms.Length || j < Terms.Length)
        {
            if (j >= Terms.Length || (i < article.Terms.Length && article.Terms[i] < Terms[j]))
            {
                var a = article.Weights[i] * statistics.Idf(article.Terms[i]);
                articleNorm += a * a;
                i++;
            }
            else if (i >= article.Terms.Length || Terms[j] < article.Terms[i])
            {
                var s = Weights[j] * statistics.Idf(Terms[j]);
                storyNorm += s * s;
                j++;
            }
            else
            {
                var idf = statistics.Idf(Terms[j]);
                var a = article.Weights[i] * idf;
                var s = Weights[j] * idf;
                dot += a * s;
                articleNorm += a * a;
                storyNorm += s * s;
                i++;
                j++;
            }
        }

        return articleNorm > 0 && storyNorm > 0 ? dot / MathF.Sqrt(articleNorm * storyNorm) : 0f;
    }

    /// <summary>Cosine similarity of two centroids, weighted by IDF.</summary>
    public float Cosine(StoryVector other, TermStatistics statistics) => other.Cosine(new StoryTerms(Terms, Weights), statistics);

    public byte[] ToBytes()
    {
        var bytes = new byte[4 + (Terms.Length * 12)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Articles);
        new StoryTerms(Terms, Weights).ToBytes().CopyTo(bytes, 4);
        return bytes;
    }

    public static StoryVector FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4)
        {
            return Empty();
        }

        var terms = StoryTerms.FromBytes(bytes[4..]);
        return new StoryVector(terms.Terms, terms.Weights, BinaryPrimitives.ReadInt32LittleEndian(bytes));
    }

    private void Merge(long[] terms, float[] weights, int articles, TermStatistics statistics)
    {
        var mergedTerms = new List<long>(Terms.Length + terms.Length);
        var mergedWeights = new List<float>(Terms.Length + terms.Length);
        int i = 0, j = 0;
        while (i < Terms.Length || j < terms.Length)
        {
            if (j >= terms.Length || (i < Terms.Length && Terms[i] < terms[j]))
            {
                mergedTerms.Add(Terms[i]);
                mergedWeights.Add(Weights[i++]);
            }
            else if (i >= Terms.Length || terms[j] < Terms[i])
            {
                mergedTerms.Add(terms[j]);
                mergedWeights.Add(weights[j++]);
            }
            else
            {
                mergedTerms.Add(Terms[i]);
                mergedWeights.Add(Weights[i++] + weights[j++]);
            }
        }

        Articles += articles;
        if (mergedTerms.Count > MaxTerms)
        {
            // Keep the strongest terms, in term order.
            var strength = new float[mergedTerms.Count];
            for (var k = 0; k < strength.Length; k++)
            {
                strength[k] = mergedWeights[k] * statistics.Idf(mergedTerms[k]);
            }

            var cut = strength.OrderDescending().ElementAt(MaxTerms - 1);
            var kept = Enumerable.Range(0, mergedTerms.Count).Where(k => strength[k] >= cut).Take(MaxTerms).ToList();
            Terms = [.. kept.Select(k => mergedTerms[k])];
            Weights = [.. kept.Select(k => mergedWeights[k])];
            return;
        }

        Terms = [.. mergedTerms];
        Weights = [.. mergedWeights];
    }
}
