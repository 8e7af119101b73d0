using System.Collections.Frozen;
using System.Reflection;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Analysis;

/// <summary>
/// Finds sentences that report something as uncertain: modal verbs, graded likelihood, expectations, beliefs,
/// conditions and hearsay (see <see cref="HedgeLexicon"/>). A few senses are told apart by their neighbours:
/// the month May, a "would" that reports someone's stated intent ("said it would") or a habit ("would often"),
/// a negated "could", "until" before a date, "as expected", "appeared in court".
/// Whether a sentence is uncertain is decided by a logistic model (<c>Analysis/Models/hedges.model</c>, trained by
/// <see cref="HedgeTrainer"/> on the tune part of the Szeged news set) over those cues, the cue words the sense
/// rules rejected, the sentence's words and word pairs, and its length; the cues give the probability.
/// </summary>
public static class HedgeDetector
{
    private static readonly Lazy<LogisticModel?> Shipped = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("BriefingBot.Analysis.Models.hedges.model");
        return stream is null ? null : LogisticModel.Load(stream);
    });

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
        var features = new List<ulong>(128);
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var cues = FindCues(text, sentence.Start, sentence.Length);
            if (Decide(text, sentence.Start, sentence.Length, cues, features, Shipped.Value))
            {
                var uncertain = cues.Where(c => c.IsUncertain).ToList();
                hedges.Add(new Hedge(sentence.Start, sentence.Length, cues, uncertain.Count > 0 ? uncertain.Min(c => c.Probability) : HedgeLexicon.AboutEven));
            }
        }

        return hedges;
    }

    /// <summary>True when the sentence carries uncertainty.</summary>
    public static bool IsUncertain(string sentence) => IsUncertain(sentence, Shipped.Value);

    internal static bool IsUncertain(string sentence, LogisticModel? model) =>
        Decide(sentence, 0, sentence.Length, FindCues(sentence, 0, sentence.Length), new List<ulong>(128), model);

    private static bool Decide(string text, int start, int length, IReadOnlyList<HedgeCue> cues, List<ulong> features, LogisticModel? model)
    {
        if (model is null)
        {
            return cues.Any(c => c.IsUncertain);
        }

        features.Clear();
        Features(text, start, length, cues, features);
        if (model.Decide(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(features)))
        {
            return true;
        }

        // A cue the training sentences never had ("reportedly", "possibly") is no evidence either way: the lexicon decides.
        return cues.Any(c => c.IsUncertain && !model.Knows(FeatureHash.Of(200, c.Text.ToLowerInvariant())));
    }

    /// <summary>The features of one sentence for the uncertainty model.</summary>
    internal static void Features(string text, int start, int length, IReadOnlyList<HedgeCue> cues, List<ulong> into)
    {
        var tokens = Tokenizer.Tokenize(text, start, length);
        var words = new string[tokens.Count];
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = tokens[i].Text.ToLowerInvariant().Replace('’', '\'');
        }

        int uncertainCues = 0;
        foreach (var cue in cues)
        {
            var cueText = cue.Text.ToLowerInvariant();
            into.Add(FeatureHash.Of(200, cueText));
            into.Add(FeatureHash.Of(201, (int)cue.Kind));
            int at = IndexOf(tokens, cue.Start);
            into.Add(FeatureHash.Of(206, cueText, at > 0 ? words[at - 1] : "<s>"));
            int after = IndexOf(tokens, cue.Start + cue.Length - 1) + 1;
            into.Add(FeatureHash.Of(207, cueText, after > 0 && after < words.Length ? words[after] : "</s>"));
            uncertainCues += cue.IsUncertain ? 1 : 0;
        }

        for (int k = 0; k <= Math.Min(uncertainCues, 3); k++)
        {
            // "At least k uncertain cues": a sentence with two cues shares the evidence of those with one.
            into.Add(FeatureHash.Of(202, k));
        }
        string previous = "<s>";
        for (int i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (UseWords)
            {
                into.Add(FeatureHash.Of(210, word));
                into.Add(FeatureHash.Of(211, previous, word));
            }

            if (HedgeLexicon.ByFirstWord.ContainsKey(word) && !cues.Any(c => c.Start <= tokens[i].Start && tokens[i].Start < c.Start + c.Length))
            {
                // A lexicon word the sense rules turned down ("May" the month, "as expected"), with its neighbours.
                into.Add(FeatureHash.Of(203, word));
                into.Add(FeatureHash.Of(208, word, i + 1 < words.Length ? words[i + 1] : "</s>"));
            }

            previous = word;
        }

        if (UseWords)
        {
            into.Add(FeatureHash.Of(211, previous, "</s>"));
        }

        into.Add(FeatureHash.Of(204, Math.Min(tokens.Count / 10, 6)));
        into.Add(FeatureHash.Of(205, text.AsSpan(start, length).Contains('?') ? 1 : 0));
    }

    /// <summary>Whether every word and word pair is a feature, or only the cues and their neighbours (a training choice).</summary>
    internal static bool UseWords { get; set; }

    private static int IndexOf(IReadOnlyList<Token> tokens, int offset)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Start <= offset && offset < tokens[i].End)
            {
                return i;
            }
        }

        return -1;
    }

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
