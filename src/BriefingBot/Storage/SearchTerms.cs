using System.Text;

namespace BriefingBot.Storage;

/// <summary>
/// Reduces a user's search to plain words so no query syntax reaches the database: quotes, operators,
/// AND/OR/NOT, brackets and control characters all become either a literal word or nothing.
/// </summary>
internal static class SearchTerms
{
    public const int MaxTerms = 16;

    /// <summary>Rows times terms that one search may rank (ranking costs about one lookup per matching row and term).</summary>
    private const int RankBudget = 600;
    private const int MaxTermLength = 64;

    public static IReadOnlyList<string> Extract(string? query)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(query))
        {
            return terms;
        }

        var word = new StringBuilder();
        foreach (var rune in query.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                word.Append(rune.ToString());
                continue;
            }

            if (Flush(word, terms))
            {
                return terms;
            }
        }

        Flush(word, terms);
        return terms;
    }

    /// <summary>
    /// How many of the newest matches a query of <paramref name="terms"/> words ranks. A common word matches a large
    /// share of the store, so both providers rank only this recent window: latency stays flat as the store grows,
    /// and for a news bot "best of the recent matches" is the better answer anyway. Rarer words are ranked in full.
    /// </summary>
    public static int RankWindow(int terms) => Math.Max(100, RankBudget / Math.Max(1, terms));

    /// <summary>The terms minus English stop words (see <see cref="StopWords"/>); empty when only stop words were given.</summary>
    public static IReadOnlyList<string> WithoutStopWords(IReadOnlyList<string> terms) => [.. terms.Where(t => !StopWords.Contains(t))];

    /// <summary>Each word as a quoted FTS5 string: implicit AND of literal terms.</summary>
    public static string ToFts5(IReadOnlyList<string> terms) => string.Join(' ', terms.Select(t => "\"" + t + "\""));

    /// <summary>Each word quoted for <c>websearch_to_tsquery</c>, so "or" and "-" are words, never operators.</summary>
    public static string ToWebSearch(IReadOnlyList<string> terms) => ToFts5(terms);

    private static bool Flush(StringBuilder word, List<string> terms)
    {
        if (word.Length > 0)
        {
            var length = Math.Min(word.Length, MaxTermLength);
            if (length < word.Length && char.IsHighSurrogate(word[length - 1]))
            {
                length--;
            }

            terms.Add(word.ToString(0, length));
            word.Clear();
        }

        return terms.Count >= MaxTerms;
    }
}
