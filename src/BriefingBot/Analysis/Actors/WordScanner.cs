namespace BriefingBot.Analysis.Actors;

/// <summary>
/// Turns text into <see cref="WordToken"/>s on top of the shared <see cref="Tokenizer"/>: joins initials into one
/// word ("U.S.", "D.P.R.K."), strips possessives ("Pyongyang’s" → "Pyongyang") and notes what lies between words.
/// </summary>
internal static class WordScanner
{
    public static WordToken[] Scan(string text)
    {
        var raw = SplitCompounds(text, Tokenizer.Tokenize(text));
        var words = new List<WordToken>(raw.Count);
        int line = 0, lineScanned = 0;
        for (int i = 0; i < raw.Count; i++)
        {
            int start = raw[i].Start, end = raw[i].End;
            while (IsInitial(text, end - 1, end) && i + 1 < raw.Count && raw[i + 1].Start == end + 1 && raw[i + 1].Length == 1)
            {
                i++;
                end = raw[i].End;
            }

            if (end > start + 1 && IsInitial(text, end - 1, end) && text[end - 2] == '.')
            {
                end++;
            }

            bool possessive = false;
            if (end - start > 2 && text[end - 1] is 's' or 'S' && text[end - 2] is '\'' or '’')
            {
                end -= 2;
                possessive = true;
            }

            for (; lineScanned < start; lineScanned++)
            {
                line += text[lineScanned] == '\n' ? 1 : 0;
            }

            var surface = text[start..end];
            char before = PreviousVisible(text, start, words.Count == 0 ? 0 : words[^1].End, out bool newline, out bool spacesOnly);
            var previous = words.Count == 0 ? default : words[^1];
            words.Add(new WordToken(surface, Key(surface), start, end - start, line)
            {
                IsCapitalised = char.IsUpper(surface[0]),
                IsUpper = IsUpper(surface),
                OpensSentence = words.Count == 0 || newline || before is '.' or '!' or '?' or ':' or '"' or '“' or '‘' or '\'' or '-' or '—' or '–' or '(' or '[' or ';',
                JoinsPrevious = words.Count > 0 && !newline && !previous.IsPossessive
                    && (spacesOnly || (before == '.' && previous.Length <= 3 && previous.IsCapitalised) || start == previous.End + 1 && before == '-' || IsAmpersandGap(text, previous.End, start)),
                IsPossessive = possessive,
            });
        }

        return [.. words];
    }

    /// <summary>The lookup key of a word: lower case, typographic apostrophes made plain.</summary>
    public static string Key(string word)
    {
        bool plain = true;
        foreach (char c in word)
        {
            if (char.IsUpper(c) || c == '’')
            {
                plain = false;
                break;
            }
        }

        return plain ? word : word.ToLowerInvariant().Replace('’', '\'');
    }

    /// <summary>
    /// Splits "Korea-Russia" and "Japanese-made" so each name stands alone; "Kim Jong-un" and "well-known" stay whole.
    /// </summary>
    private static List<Token> SplitCompounds(string text, IReadOnlyList<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            int from = token.Start;
            for (int i = token.Start + 1; i < token.End - 1; i++)
            {
                if (text[i] != '-' || !char.IsUpper(text[from]))
                {
                    continue;
                }

                int next = i + 1, nextEnd = next;
                while (nextEnd < token.End && text[nextEnd] != '-')
                {
                    nextEnd++;
                }

                if (char.IsUpper(text[next]) || CompoundEndings.Contains(text[next..nextEnd]))
                {
                    result.Add(new Token(text[from..i], from, i - from));
                    from = next;
                }
            }

            result.Add(from == token.Start ? token : new Token(text[from..token.End], from, token.End - from));
        }

        return result;
    }

    private static readonly HashSet<string> CompoundEndings = new(StringComparer.Ordinal)
    {
        "made", "based", "led", "backed", "born", "owned", "run", "language", "speaking", "registered", "flagged",
        "controlled", "held", "occupied", "funded", "supported", "style", "era", "bound", "built", "sponsored",
        "brokered", "allied", "friendly", "listed", "linked", "aligned", "installed", "appointed", "annexed", "bred",
    };

    // "Douglas & Lomason", "AT&T": an ampersand joins the parts of a company's name.
    private static bool IsAmpersandGap(string text, int from, int to) =>
        to - from <= 3 && text.AsSpan(from, to - from).Trim() is "&";

    private static bool IsInitial(string text, int start, int end) =>
        end - start == 1 && char.IsLetter(text[start]) && end < text.Length && text[end] == '.';

    private static bool IsUpper(string word)
    {
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        return letters >= 2;
    }

    private static char PreviousVisible(string text, int start, int from, out bool newline, out bool spacesOnly)
    {
        newline = false;
        spacesOnly = true;
        char visible = '\0';
        for (int i = start - 1; i >= from; i--)
        {
            char c = text[i];
            if (c == '\n')
            {
                newline = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                spacesOnly = false;
                visible = visible == '\0' ? c : visible;
            }
        }

        return visible;
    }
}
