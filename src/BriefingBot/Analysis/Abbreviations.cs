using System.Collections.Frozen;

namespace BriefingBot.Analysis;

/// <summary>How a word followed by a full stop behaves at a possible sentence end.</summary>
internal enum AbbreviationKind
{
    /// <summary>Not an abbreviation: the full stop ends the sentence.</summary>
    None,

    /// <summary>A title or a Latin short form ("Mr.", "Gen.", "e.g.") that a name or more text always follows.</summary>
    NeverEnds,

    /// <summary>Ends a sentence only before a plain sentence opener ("in the U.S. The ...", "Apple Inc. But ...").</summary>
    MayEnd,

    /// <summary>A month or "No." whose full stop cannot end a sentence before a number ("Jan. 5", "No. 10").</summary>
    BeforeNumber,
}

internal static class Abbreviations
{
    private static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "adm", "sgt", "cpl",
        "pvt", "spc", "sen", "rep", "gov", "lt.gov", "pres", "supt", "insp", "det", "rev", "fr", "hon", "st", "mt", "ft",
        "vs", "v", "e.g", "i.e", "cf", "approx", "dept", "est", "fig", "vol", "pp", "ca", "al",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SentenceFinal = new[]
    {
        "inc", "corp", "ltd", "co", "plc", "llc", "bros", "jr", "sr", "etc", "a.m", "p.m",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> NumberPrefixes = new[]
    {
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "art", "sec",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Classifies the word before a full stop ("U.S" for "U.S.", "Mr" for "Mr.").</summary>
    public static AbbreviationKind Classify(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return AbbreviationKind.None;
        }

        // A lone capital is an initial: "J. R. R. Tolkien", "George W. Bush".
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return AbbreviationKind.NeverEnds;
        }

        var key = word.ToString().ToLowerInvariant();
        if (Titles.Contains(key))
        {
            return AbbreviationKind.NeverEnds;
        }

        if (NumberPrefixes.Contains(key))
        {
            return AbbreviationKind.BeforeNumber;
        }

        if (SentenceFinal.Contains(key) || IsDottedInitialism(word))
        {
            return AbbreviationKind.MayEnd;
        }

        return AbbreviationKind.None;
    }

    // "U.S", "U.K", "D.C", "U.N": single letters joined by full stops.
    private static bool IsDottedInitialism(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        for (int i = 0; i < word.Length; i++)
        {
            bool ok = i % 2 == 0 ? char.IsLetter(word[i]) : word[i] == '.';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
