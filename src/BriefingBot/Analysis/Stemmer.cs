using Lucene.Net.Tartarus.Snowball.Ext;

namespace BriefingBot.Analysis;

/// <summary>
/// The original Porter stemmer from Lucene.Net's Snowball port: the algorithm the standard ROUGE
/// scorer uses, so our overlap features and our evaluation agree on what counts as the same word.
/// </summary>
public static class Stemmer
{
    // News reuses a small vocabulary, so a per-thread cache saves most of the stemming work.
    private const int CacheLimit = 50_000;

    // Snowball programs keep state between calls, so each thread gets its own.
    [ThreadStatic]
    private static PorterStemmer? porter;

    [ThreadStatic]
    private static Dictionary<string, string>? cache;

    /// <summary>Stems a lower-case word; words of three letters or fewer are returned as they are.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        var stems = cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (stems.TryGetValue(word, out var stem))
        {
            return stem;
        }

        var stemmer = porter ??= new PorterStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        if (stems.Count >= CacheLimit)
        {
            stems.Clear();
        }

        stems[word] = stemmer.Current;
        return stemmer.Current;
    }
}
