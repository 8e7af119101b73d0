namespace BriefingBot.Analysis.Actors;

/// <summary>Lines whose capitals say nothing about names: headlines in capitals or in title case.</summary>
internal static class HeadlineLines
{
    private static readonly System.Buffers.SearchValues<char> TableMarks = System.Buffers.SearchValues.Create(",()0123456789;");

    public static bool[] Find(string text, WordToken[] words)
    {
        int lines = words.Length == 0 ? 0 : words[^1].Line + 1;
        var upper = new int[lines];
        var lettered = new int[lines];
        foreach (var word in words)
        {
            if (word.Length >= 2 && char.IsLetter(word.Text[0]))
            {
                lettered[word.Line]++;
                upper[word.Line] += word.IsUpper ? 1 : 0;
            }
        }

        var caseless = new bool[lines];
        for (int line = 0; line < lines; line++)
        {
            caseless[line] = lettered[line] >= 2 && upper[line] * 10 >= lettered[line] * 8
                || lettered[line] == 1 && upper[line] == 1;
        }

        MarkTitleCaseLines(text, words, caseless);
        return caseless;
    }

    /// <summary>
    /// "North Korea’s Potential Military Involvement in Ukraine Sparks Concern": a headline in title case capitalises
    /// every word, so capitals say no more there than in a headline in capitals. Lists of names ("Ann Lee, Bo Ek")
    /// and tables carry commas, brackets or figures; a headline has none and no closing full stop.
    /// </summary>
    private static void MarkTitleCaseLines(string text, WordToken[] words, bool[] caseless)
    {
        int index = 0;
        while (index < words.Length)
        {
            int line = words[index].Line, first = index, capitalised = 0, content = 0;
            for (; index < words.Length && words[index].Line == line; index++)
            {
                if (StopWords.Contains(words[index].Key))
                {
                    continue;
                }

                content++;
                capitalised += words[index].IsCapitalised ? 1 : 0;
            }

            if (caseless[line] || content < 5 || capitalised < content)
            {
                continue;
            }

            int start = words[first].Start, end = words[index - 1].End;
            var span = text.AsSpan(start, end - start);
            bool plain = span.IndexOfAny(TableMarks) < 0 && (end >= text.Length || text[end] != '.');
            caseless[line] = plain;
        }
    }
}
