namespace BriefingBot.Analysis;

/// <summary>
/// Splits text into words: runs of letters and digits that may be joined by a hyphen or an apostrophe
/// ("well-known", "don't", "Pyongyang’s") and, between digits, by a point or a comma ("3.5", "6,000").
/// </summary>
public static class Tokenizer
{
    public static IReadOnlyList<Token> Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static IReadOnlyList<Token> Tokenize(string text, int start, int length)
    {
        // About one word in six characters of news text; growing the list from empty cost more than the scan.
        var tokens = new List<Token>(Math.Max(4, length / 5));
        int end = start + length;
        int i = start;
        while (i < end)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int tokenStart = i;
            i++;
            while (i < end)
            {
                if (char.IsLetterOrDigit(text[i]) || IsMark(text, i))
                {
                    i++;
                }
                else if (i + 1 < end && IsJoiner(text, i, end))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }

            tokens.Add(new Token(text[tokenStart..i], tokenStart, i - tokenStart));
        }

        return tokens;
    }

    /// <summary>Lower-cases a token and drops a possessive ending, so "Russia’s" and "Russia" match.</summary>
    public static string Normalize(string token)
    {
        var lower = token.ToLowerInvariant();
        if (lower.Length > 2 && lower[^2] is '\'' or '’' && lower[^1] == 's')
        {
            return lower[..^2];
        }

        return lower.Replace('’', '\'');
    }

    // Combining marks (accents written as separate code points) belong to the word.
    private static bool IsMark(string text, int i) =>
        char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsJoiner(string text, int i, int end)
    {
        char c = text[i];
        char next = text[i + 1];
        if (c is '-' or '\'' or '’' or '‐' or '‑')
        {
            return i + 1 < end && char.IsLetterOrDigit(next);
        }

        return c is '.' or ',' && char.IsDigit(text[i - 1]) && char.IsDigit(next);
    }
}
