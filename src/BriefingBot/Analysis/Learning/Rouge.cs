using System.Text.RegularExpressions;

namespace BriefingBot.Analysis.Learning;

public sealed record RougeScore(double Precision, double Recall, double F1)
{
    public static RougeScore From(int overlap, int candidateCount, int referenceCount)
    {
        double precision = candidateCount == 0 ? 0 : (double)overlap / candidateCount;
        double recall = referenceCount == 0 ? 0 : (double)overlap / referenceCount;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new RougeScore(precision, recall, f1);
    }
}

/// <summary>
/// ROUGE as the standard rouge-score package computes it with use_stemmer=True: text lower-cased, every run
/// of characters other than a-z and 0-9 is a separator, tokens longer than three characters are Porter-stemmed.
/// ROUGE-N is clipped n-gram overlap; ROUGE-L is the LCS of the whole token sequences ("rougeL");
/// ROUGE-Lsum is the summary-level union LCS over sentences ("rougeLsum", the figure CNN/DailyMail papers report).
/// </summary>
public static partial class Rouge
{
    public static IReadOnlyList<string> Tokens(string text) =>
        NonAlphanumeric().Replace(text.ToLowerInvariant(), " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(Stemmer.Stem)
            .ToList();

    public static RougeScore N(string candidate, string reference, int n)
    {
        var candidateGrams = NGrams(Tokens(candidate), n);
        var referenceGrams = NGrams(Tokens(reference), n);
        int overlap = candidateGrams.Sum(g => Math.Min(g.Value, referenceGrams.GetValueOrDefault(g.Key)));
        return RougeScore.From(overlap, candidateGrams.Values.Sum(), referenceGrams.Values.Sum());
    }

    public static RougeScore L(string candidate, string reference)
    {
        var c = Tokens(candidate);
        var r = Tokens(reference);
        return RougeScore.From(LcsTable(c, r)[c.Count, r.Count], c.Count, r.Count);
    }

    public static RougeScore LSum(IReadOnlyList<string> candidateSentences, IReadOnlyList<string> referenceSentences)
    {
        var candidates = candidateSentences.Select(Tokens).Where(t => t.Count > 0).ToList();
        var references = referenceSentences.Select(Tokens).Where(t => t.Count > 0).ToList();
        var candidateLeft = Counts(candidates.SelectMany(t => t));
        var referenceLeft = Counts(references.SelectMany(t => t));
        int hits = 0;

        // Each reference token counts once however many candidate sentences share it, and no token more often than it occurs.
        foreach (var reference in references)
        {
            var union = new SortedSet<int>();
            foreach (var candidate in candidates)
            {
                union.UnionWith(LcsPositions(reference, candidate));
            }

            foreach (var token in union.Select(i => reference[i]))
            {
                if (candidateLeft.GetValueOrDefault(token) > 0 && referenceLeft.GetValueOrDefault(token) > 0)
                {
                    hits++;
                    candidateLeft[token]--;
                    referenceLeft[token]--;
                }
            }
        }

        return RougeScore.From(hits, candidates.Sum(t => t.Count), references.Sum(t => t.Count));
    }

    private static Dictionary<string, int> NGrams(IReadOnlyList<string> tokens, int n)
    {
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            var gram = string.Join(' ', tokens.Skip(i).Take(n));
            grams[gram] = grams.GetValueOrDefault(gram) + 1;
        }

        return grams;
    }

    private static Dictionary<string, int> Counts(IEnumerable<string> tokens) =>
        tokens.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static int[,] LcsTable(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (int i = 1; i <= a.Count; i++)
        {
            for (int j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table;
    }

    // Positions in a of one longest common subsequence of a and b.
    private static List<int> LcsPositions(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var table = LcsTable(a, b);
        var positions = new List<int>();
        int i = a.Count;
        int j = b.Count;
        while (i > 0 && j > 0)
        {
            if (a[i - 1] == b[j - 1])
            {
                positions.Add(i - 1);
                i--;
                j--;
            }
            else if (table[i - 1, j] > table[i, j - 1])
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        return positions;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
