using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// Reads who a sentence says the news comes from, in order: "according to X", "citing X", "X said" / "X told
/// reporters" / "analysts suggest", and the unsourced "reportedly", "allegedly".
/// </summary>
public static partial class AttributionParser
{
    private static readonly FrozenSet<string> ReportingVerbs = new[]
    {
        "said", "says", "say", "told", "tells", "stated", "states", "reported", "reports", "claimed", "claims",
        "warned", "warns", "announced", "added", "estimated", "estimates", "indicated", "indicates", "indicate",
        "suggested", "suggests", "suggest", "believe", "believes", "assessed", "assesses", "assess", "alleges",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SourceNouns = new[]
    {
        "official", "officials", "source", "sources", "intelligence", "analyst", "analysts", "agency", "agencies",
        "ministry", "spokesman", "spokeswoman", "spokesperson", "diplomat", "diplomats", "lawmaker", "lawmakers",
        "assessment", "assessments", "expert", "experts", "military", "government", "report", "reports", "media",
        "observers", "estimates", "services", "service", "recent", "unnamed", "senior", "western", "the", "of", "and",
        "for", "in", "at", "with", "two", "three", "several", "u.s", "people", "person", "familiar", "matter", "defence",
        "defense", "foreign", "state", "spy", "diplomatic", "military", "security",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Connectors = new[] { "the", "of", "and", "for", "in", "at", "with" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Adverbs = new[]
    {
        "reportedly", "allegedly", "also", "previously", "publicly", "recently", "privately", "earlier", "later", "now",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Unsourced = new[]
    {
        "reportedly", "allegedly", "alleged", "purportedly", "rumoured", "rumored",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The attribution chain of the sentence at <paramref name="start"/> in <paramref name="text"/>, in reading order.</summary>
    public static IReadOnlyList<AttributionLink> Parse(string text, int start, int length)
    {
        var links = new List<AttributionLink>();
        foreach (Match match in AccordingPattern().Matches(text.Substring(start, length)))
        {
            var source = match.Groups["src"];
            links.Add(new AttributionLink(AttributionKind.According, source.Value, $"according to {source.Value}", start + match.Index, match.Length));
        }

        foreach (Match match in CitingPattern().Matches(text.Substring(start, length)))
        {
            var source = match.Groups["src"];
            links.Add(new AttributionLink(AttributionKind.Citing, source.Value, $"citing {source.Value}", start + match.Index, match.Length));
        }

        var tokens = Tokenizer.Tokenize(text, start, length);
        for (int i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text.ToLowerInvariant();
            if (Unsourced.Contains(word))
            {
                links.Add(new AttributionLink(AttributionKind.Unattributed, "", $"{word} (unattributed)", tokens[i].Start, tokens[i].Length));
            }
            else if (ReportingVerbs.Contains(word) && Statement(text, tokens, i) is { } statement
                && !links.Any(l => l.Start <= statement.Start && statement.Start < l.End))
            {
                links.Add(statement);
            }
        }

        links.Sort((a, b) => a.Start.CompareTo(b.Start));
        return links;
    }

    // "South Korean intelligence reportedly indicates": the source is the run of names and source words before the verb.
    private static AttributionLink? Statement(string text, IReadOnlyList<Token> tokens, int verb)
    {
        int j = verb - 1;
        while (j >= 0 && Adverbs.Contains(tokens[j].Text.ToLowerInvariant()) && Joined(text, tokens[j].End, tokens[j + 1].Start))
        {
            j--;
        }

        int last = j;
        while (j >= 0 && IsSourceWord(tokens[j].Text) && Joined(text, tokens[j].End, tokens[j + 1].Start))
        {
            j--;
        }

        int first = j + 1;
        while (first <= last && Connectors.Contains(tokens[first].Text.ToLowerInvariant()) && !tokens[first].Text.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            first++;
        }

        if (first > last || !tokens.Skip(first).Take(last - first + 1).Any(IsHeadWord))
        {
            return null;
        }

        var source = Squeeze(text[tokens[first].Start..tokens[last].End]);
        if (source.Count(c => c == '(') > source.Count(c => c == ')'))
        {
            source += ")";
        }

        var verbText = tokens[verb].Text;
        return new AttributionLink(AttributionKind.Statement, source, $"{source} {verbText}", tokens[first].Start, tokens[verb].End - tokens[first].Start);
    }

    private static bool IsHeadWord(Token token)
    {
        var word = Tokenizer.Normalize(token.Text);
        return !Connectors.Contains(word) && (char.IsUpper(token.Text[0]) || SourceNouns.Contains(word));
    }

    private static bool IsSourceWord(string token) => char.IsUpper(token[0]) || SourceNouns.Contains(Tokenizer.Normalize(token));

    // Only spaces and brackets between two words: "(NIS)" belongs to the name, a comma ends it.
    private static bool Joined(string text, int from, int to)
    {
        for (int k = from; k < to; k++)
        {
            if (!char.IsWhiteSpace(text[k]) && text[k] is not ('(' or ')' or '\'' or '’'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Squeeze(string value) => WhiteSpace().Replace(value, " ");

    [GeneratedRegex("\\baccording\\s+to\\s+(?<src>[^,;:()]+?)(?=\\s*(?:[,;:(]|\\.?[\"”’]?$))", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingPattern();

    [GeneratedRegex("\\b(?:citing|cited)\\s+(?<src>[^,;:()]+?)(?=\\s*(?:[,;:(]|\\.?[\"”’]?$))", RegexOptions.IgnoreCase)]
    private static partial Regex CitingPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
