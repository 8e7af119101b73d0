namespace BriefingBot.Analysis.Actors;

/// <summary>
/// A word as the recogniser sees it: offsets without a possessive ending, its lower-case key, and the layout facts
/// that capitalisation rules need (line start, a sentence opener, a line written in capitals).
/// </summary>
internal readonly record struct WordToken(string Text, string Key, int Start, int Length, int Line)
{
    public int End => Start + Length;

    /// <summary>Begins with an upper-case letter.</summary>
    public bool IsCapitalised { get; init; }

    /// <summary>Two or more letters, all upper case ("NATO", "U.S.").</summary>
    public bool IsUpper { get; init; }

    /// <summary>Capitalised for grammar, not for being a name: first word of a line or after . ! ? : or a quote.</summary>
    public bool OpensSentence { get; init; }

    /// <summary>Only spaces (or an abbreviation's full stop) separate it from the word before: a name may run on.</summary>
    public bool JoinsPrevious { get; init; }

    /// <summary>Had an apostrophe-s: a name ends here.</summary>
    public bool IsPossessive { get; init; }

    public bool IsNumber => Text.Length > 0 && char.IsDigit(Text[0]);
}
