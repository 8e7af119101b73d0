using System.Collections.Frozen;

namespace BriefingBot.Analysis;

/// <summary>
/// Finds sentences that report something as uncertain: modal verbs, graded likelihood, expectations, beliefs,
/// conditions and hearsay (see <see cref="HedgeLexicon"/>). A few senses are told apart by their neighbours:
/// the month May, a "would" that reports someone's stated intent ("said it would") or a habit ("would often"),
/// a negated "could", "until" before a date, "as expected", "appeared in court".
/// </summary>
public static class HedgeDetector
{
    private static readonly FrozenSet<string> ReportingVerbs = new[]
    {
        "said", "says", "say", "told", "tells", "vowed", "promised", "pledged", "assured", "announced", "added",
        "stated", "insisted", "agreed", "declared", "confirmed", "decided", "reported",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Negations = new[] { "not", "n't", "never" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Habitual = new[]
    {
        "often", "always", "usually", "sometimes", "regularly", "frequently", "routinely", "typically",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DatedWords = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "early", "late", "mid", "this", "last", "now", "then", "recently", "today", "yesterday",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "a", "an", "his", "her", "their", "its", "this", "that", "my", "our",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The sentences of <paramref name="text"/> that carry uncertainty, in order.</summary>
    public static IReadOnlyList<Hedge> Detect(string text)
    {
        var hedges = new List<Hedge>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var cues = FindCues(text, sentence.Start, sentence.Length);
            if (cues.Any(c => c.IsUncertain))
            {
                hedges.Add(new Hedge(sentence.Start, sentence.Length, cues, cues.Where(c => c.IsUncertain).Min(c => c.Probability)));
            }
        }

        return hedges;
    }

    /// <summary>True when the sentence carries uncertainty.</summary>
    public static bool IsUncertain(string sentence) => FindCues(sentence, 0, sentence.Length).Any(c => c.IsUncertain);

    /// <summary>All cues (attribution and intention too) in one sentence of <paramref name="text"/>.</summary>
    public static IReadOnlyList<HedgeCue> FindCues(string text, int start, int length)
    {
        var tokens = Tokenizer.Tokenize(text, start, length);
        var words = tokens.Select(t => t.Text.ToLowerInvariant().Replace('’', '\'')).ToArray();
        var cues = new List<HedgeCue>();
        for (int i = 0; i < words.Length; i++)
        {
            if (!HedgeLexicon.ByFirstWord.TryGetValue(words[i], out var entries))
            {
                continue;
            }

            var entry = entries.FirstOrDefault(e => Matches(words, i, e.Words));
            if (entry is null || !IsHedgeSense(tokens, words, i))
            {
                continue;
            }

            var last = tokens[i + entry.Words.Length - 1];
            cues.Add(new HedgeCue(text[tokens[i].Start..last.End], tokens[i].Start, last.End - tokens[i].Start, entry.Kind, entry.Probability));
            i += entry.Words.Length - 1;
        }

        return cues;
    }

    private static bool Matches(string[] words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Length)
        {
            return false;
        }

        for (int k = 0; k < phrase.Length; k++)
        {
            if (words[at + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHedgeSense(IReadOnlyList<Token> tokens, string[] words, int i)
    {
        string? previous = i > 0 ? words[i - 1] : null;
        string? next = i + 1 < words.Length ? words[i + 1] : null;
        return words[i] switch
        {
            // "May" with a capital is the month, unless it opens the sentence before a plain word ("May be ...").
            "may" => tokens[i].Text[0] == 'm' || (i == 0 && next is not null && char.IsLower(tokens[i + 1].Text[0])),
            "would" => !Habitual.Contains(next ?? "")
                && !(next is not null && Negations.Contains(next))
                && !words.Take(i).Any(ReportingVerbs.Contains),
            "could" => next is null || !Negations.Contains(next),
            "until" => !words.Skip(i + 1).Take(2).Any(w => char.IsDigit(w[0]) || DatedWords.Contains(w)),
            "expected" or "predicted" or "forecast" or "estimated" => previous is not ("as" or "than"),
            "thought" or "accused" => previous is null || !Determiners.Contains(previous),
            "appeared" or "appear" or "appears" => next is not ("in" or "on" or "at" or "before"),
            _ => true,
        };
    }
}
