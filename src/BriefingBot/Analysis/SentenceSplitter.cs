namespace BriefingBot.Analysis;

/// <summary>
/// Splits text into sentences at full stops, question and exclamation marks, ellipses and blank lines,
/// without splitting after abbreviations, initials, decimals or inside a quotation that runs on
/// ("'Go!' he said"). A closing quote or bracket after the mark stays with its sentence.
/// </summary>
public static class SentenceSplitter
{
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        int start = SkipWhiteSpace(text, 0);
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n' && IsParagraphBreak(text, i))
            {
                Add(sentences, text, start, i);
                start = SkipWhiteSpace(text, i);
                i = start;
            }
            else if (IsTerminator(c))
            {
                int end = i + 1;
                while (end < text.Length && (IsTerminator(text[end]) || text[end] == '.'))
                {
                    end++;
                }

                int marksEnd = end;
                while (end < text.Length && IsCloser(text[end]))
                {
                    end++;
                }

                if (IsBoundary(text, i, marksEnd, end))
                {
                    Add(sentences, text, start, end);
                    start = SkipWhiteSpace(text, end);
                    i = start;
                }
                else
                {
                    i = end;
                }
            }
            else
            {
                i++;
            }
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsBoundary(string text, int markStart, int marksEnd, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        // "3.5", "U.S.", "example.com", "Yahoo!'s": no space after the mark, no boundary.
        if (!char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        int next = SkipWhiteSpace(text, end);
        if (next >= text.Length)
        {
            return true;
        }

        if (text.AsSpan(end, next - end).Count('\n') >= 2)
        {
            return true;
        }

        while (next < text.Length && IsOpener(text[next]))
        {
            next++;
        }

        if (next >= text.Length)
        {
            return true;
        }

        // News sentences start with a capital, a digit or a symbol; a lower-case word continues the sentence.
        if (char.IsLower(text[next]))
        {
            return false;
        }

        bool singleFullStop = marksEnd - markStart == 1 && text[markStart] == '.' && end == marksEnd;
        if (!singleFullStop)
        {
            return true;
        }

        var kind = Abbreviations.Classify(WordBefore(text, markStart));
        return kind switch
        {
            AbbreviationKind.NeverEnds => false,
            AbbreviationKind.BeforeNumber => !char.IsDigit(text[next]),
            AbbreviationKind.MayEnd => StartsWithFunctionWord(text, next),
            _ => true,
        };
    }

    // The letters and inner full stops before position dot: "U.S" in "the U.S.", "Mr" in "Mr.".
    private static ReadOnlySpan<char> WordBefore(string text, int dot)
    {
        int i = dot;
        while (i > 0 && (char.IsLetter(text[i - 1]) || (text[i - 1] == '.' && i - 1 > 0 && char.IsLetter(text[i - 2]))))
        {
            i--;
        }

        return text.AsSpan(i, dot - i);
    }

    private static bool StartsWithFunctionWord(string text, int start)
    {
        int end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end > start && StopWords.Contains(text[start..end].ToLowerInvariant());
    }

    private static bool IsParagraphBreak(string text, int newline)
    {
        for (int i = newline + 1; i < text.Length && char.IsWhiteSpace(text[i]); i++)
        {
            if (text[i] == '\n')
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new Sentence(sentences.Count, start, end - start, text[start..end]));
        }
    }

    private static int SkipWhiteSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…';

    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '[' or '«';
}
