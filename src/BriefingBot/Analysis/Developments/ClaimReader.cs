using System.Text;
using System.Text.RegularExpressions;
using BriefingBot.Analysis.Actors;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// Reads the claim of a hedged sentence around its first modal, intention or expectation cue: the subject is the
/// clause before the cue (after any attribution and "that"), the predicate runs after it to the end of the clause
/// or a time expression. Aliases become canonical names ("Pyongyang’s" → "North Korea’s"). Null when the cue
/// governs a judgement rather than an event ("would represent"), or when no actor takes part.
/// </summary>
internal static partial class ClaimReader
{
    public static Claim? Read(
        string text,
        Sentence sentence,
        IReadOnlyList<HedgeCue> cues,
        IReadOnlyList<ActorMention> mentions,
        IReadOnlyList<AttributionLink> attribution,
        IReadOnlyList<TimeExpression> times)
    {
        var tokens = Tokenizer.Tokenize(text, sentence.Start, sentence.Length);
        bool Excluded(int position) => attribution.Any(l => l.Start <= position && position < l.End)
            || times.Any(t => t.Start <= position && position < t.End);

        var anchor = cues.FirstOrDefault(c => IsAnchor(text, c) && !Excluded(c.Start));
        if (anchor is null)
        {
            return null;
        }

        var time = TimeOf(text, times, anchor);

        int anchorToken = Index(tokens, anchor.Start);
        int subjectStart = SubjectStart(text, sentence, tokens, anchorToken, attribution);
        var subjectTokens = tokens.Skip(Index(tokens, subjectStart)).Take(anchorToken - Index(tokens, subjectStart)).ToList();
        string? auxiliary = null;
        if (subjectTokens.Count > 0 && ClaimWords.Auxiliaries.Contains(subjectTokens[^1].Text.ToLowerInvariant()))
        {
            auxiliary = subjectTokens[^1].Text.ToLowerInvariant();
            subjectTokens.RemoveAt(subjectTokens.Count - 1);
        }

        int predicateStart = anchor.Start + anchor.Length;
        int predicateEnd = PredicateEnd(text, sentence, tokens, anchorToken + CueWords(anchor), attribution, time);
        var predicate = ClaimWords.OpenPredicate(Render(text, predicateStart, predicateEnd, mentions));
        var verb = FirstWord(predicate);
        if (verb.Length == 0 || ClaimWords.Stative.Contains(verb) || ClaimWords.Modals.Contains(verb))
        {
            return null;
        }

        var subject = subjectTokens.Count == 0 ? "" : Render(text, subjectTokens[0].Start, subjectTokens[^1].End, mentions);
        if (subjectTokens.Count > 0 && IsCommonOpening(subjectTokens, sentence, mentions))
        {
            subject = char.ToLowerInvariant(subject[0]) + subject[1..];
        }
        string? lead = null;
        int claimStart = subjectTokens.Count == 0 ? predicateStart : subjectTokens[0].Start;
        if (subject.Length == 0 || ClaimWords.Pronouns.Contains(subject.ToLowerInvariant()))
        {
            // "North Korea is not only supplying weapons but may also be sending units": the subject is the first actor of the sentence.
            var actor = mentions.FirstOrDefault(m => m.Start < anchor.Start && m.Kind != ActorKind.Media && !Excluded(m.Start));
            if (actor is null)
            {
                return null;
            }

            subject = Render(text, actor.Start, actor.End, mentions);
            claimStart = actor.Start;
            lead = Lead(Render(text, actor.End, anchor.Start, mentions));
        }

        var actors = mentions
            .Where(m => m.Start >= claimStart && m.End <= predicateEnd && m.Kind != ActorKind.Media && !Excluded(m.Start))
            .Select(ActorOf)
            .DistinctBy(a => a.Id)
            .ToList();
        if (actors.Count == 0)
        {
            return null;
        }

        var modality = Modality(text, anchor, auxiliary);
        return new Claim(ClaimWords.Synonyms(subject), lead is null ? null : ClaimWords.Synonyms(lead), modality, ClaimWords.Synonyms(predicate), actors, time);
    }

    // "Diplomatic efforts" and "The move" are capitalised only because they open the sentence; "Kim Jong Un" is a name.
    private static bool IsCommonOpening(List<Token> subject, Sentence sentence, IReadOnlyList<ActorMention> mentions)
    {
        var first = subject[0];
        if (first.Start != sentence.Start || mentions.Any(m => m.Start == first.Start))
        {
            return false;
        }

        return StopWords.Contains(first.Text.ToLowerInvariant()) || (subject.Count > 1 && char.IsLower(subject[1].Text[0]));
    }

    public static Actor ActorOf(ActorMention mention) => mention.Actor ?? new Actor(mention.Surface, mention.Surface, mention.Kind);

    // The time that the modal governs follows it ("may send troops as early as January"); one before it counts when
    // it is an adverbial ("In January, ... may"), not a dateline ("SEOUL, Nov 12 (Reuters) - ... may").
    private static TimeExpression? TimeOf(string text, IReadOnlyList<TimeExpression> times, HedgeCue anchor) =>
        times.FirstOrDefault(t => t.Start >= anchor.Start + anchor.Length)
        ?? times.LastOrDefault(t => t.End <= anchor.Start && char.IsLetter(text[t.Start]) && TimeLead().IsMatch(text.AsSpan(t.Start, t.Length)));

    private static bool IsAnchor(string text, HedgeCue cue)
    {
        var word = cue.Text.ToLowerInvariant();
        return cue.Kind switch
        {
            HedgeKind.Modal => ClaimWords.Modals.Contains(word),
            HedgeKind.Intention => true,
            HedgeKind.Expectation or HedgeKind.Probability => FollowedByTo(text, cue.Start + cue.Length),
            _ => false,
        };
    }

    private static bool FollowedByTo(string text, int at) => ToPattern().IsMatch(text.AsSpan(at));

    private static string Modality(string text, HedgeCue anchor, string? auxiliary)
    {
        var cue = anchor.Text.ToLowerInvariant();
        if (anchor.Kind == HedgeKind.Modal)
        {
            return cue;
        }

        // "is considering sending" says the same as "may send"; "plans to" and "is expected to" keep their words.
        if (cue.Contains("consider", StringComparison.Ordinal) || cue is "mulling" or "weighing")
        {
            return "may";
        }

        var phrase = anchor.Kind == HedgeKind.Intention ? cue : cue + " to";
        return auxiliary is null ? phrase : $"{auxiliary} {phrase}";
    }

    private static int SubjectStart(string text, Sentence sentence, IReadOnlyList<Token> tokens, int anchorToken, IReadOnlyList<AttributionLink> attribution)
    {
        int start = sentence.Start;
        int anchorStart = tokens[anchorToken].Start;
        foreach (var link in attribution.Where(l => l.End <= anchorStart))
        {
            start = Math.Max(start, link.End);
        }

        for (int k = anchorStart - 1; k >= start; k--)
        {
            if (text[k] == ',' && IsCommaInName(text, k, anchorStart))
            {
                continue;
            }

            if (text[k] is ',' or ';' or ':' or '—' or '–' or '(' or ')' || (text[k] == '-' && k > 0 && text[k - 1] == ' '))
            {
                start = k + 1;
                break;
            }
        }

        for (int t = anchorToken - 1; t >= 0 && tokens[t].Start >= start; t--)
        {
            if (ClaimWords.ClauseOpeners.Contains(tokens[t].Text.ToLowerInvariant()))
            {
                return tokens[t].End;
            }
        }

        return start;
    }

    /// <summary>The full stop at <paramref name="dot"/> closes an abbreviation ("U.S.", "No.", "Jan.", "Gen.").</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        int start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        return start < dot && Abbreviations.Classify(text.AsSpan(start, dot - start)) != AbbreviationKind.None;
    }

    /// <summary>
    /// A comma inside a name ("Ministry of Economy, Trade and Industry"): a capitalised word before it and only
    /// capitalised words, "and" or "of" between it and the claim's verb, with an "and" among them.
    /// </summary>
    private static bool IsCommaInName(string text, int comma, int anchorStart)
    {
        int before = comma - 1;
        while (before >= 0 && char.IsLetter(text[before]))
        {
            before--;
        }

        if (before == comma - 1 || !char.IsUpper(text[before + 1]))
        {
            return false;
        }

        var words = text[(comma + 1)..anchorStart].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        bool and = false;
        for (int i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word is "and" or "&")
            {
                and = true;
                continue;
            }

            if (word == "of" || char.IsUpper(word[0]))
            {
                continue;
            }

            // The claim's own words may follow the name ("... Industry reportedly plans").
            return and && i > 1 && char.IsUpper(words[i - 1][0]);
        }

        return and && words.Length > 1 && char.IsUpper(words[^1][0]);
    }

    private static int PredicateEnd(
        string text, Sentence sentence, IReadOnlyList<Token> tokens, int firstAfterAnchor, IReadOnlyList<AttributionLink> attribution, TimeExpression? time)
    {
        int from = firstAfterAnchor < tokens.Count ? tokens[firstAfterAnchor].Start : sentence.End;
        int end = sentence.End;
        for (int k = from; k < sentence.End; k++)
        {
            if (text[k] is ',' or ';' or ':' or '—' or '(' or '.' or '!' or '?' or '"' or '“' or '”')
            {
                if (text[k] == '.' && k + 1 < sentence.End && (!char.IsWhiteSpace(text[k + 1]) || IsAbbreviation(text, k)))
                {
                    // Inside the sentence a full stop after "U.S", "No", "Jan" or "Gen" is no end of the claim.
                    continue;
                }

                end = k;
                break;
            }
        }

        foreach (var token in tokens.Skip(firstAfterAnchor))
        {
            if (token.Start >= end)
            {
                break;
            }

            if (ClaimWords.ClauseClosers.Contains(token.Text.ToLowerInvariant()))
            {
                end = token.Start;
                break;
            }
        }

        if (time is not null && time.Start >= from && time.Start < end)
        {
            end = time.Start;
        }

        foreach (var link in attribution.Where(l => l.Start >= from && l.Start < end))
        {
            end = link.Start;
        }

        return end;
    }

    // "is not only supplying weapons to Russia but" → "is supplying weapons to Russia"; anything else tells nothing more.
    private static string? Lead(string between)
    {
        var match = NotOnlyPattern().Match(between);
        return match.Success ? Squeeze(match.Groups["aux"].Value + " " + match.Groups["lead"].Value) : null;
    }

    private static int CueWords(HedgeCue cue) => Tokenizer.Tokenize(cue.Text).Count;

    private static int Index(IReadOnlyList<Token> tokens, int position)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].End > position)
            {
                return i;
            }
        }

        return tokens.Count;
    }

    /// <summary>The text between two offsets on one line, with aliases replaced by their actors' names.</summary>
    private static string Render(string text, int start, int end, IReadOnlyList<ActorMention> mentions)
    {
        var builder = new StringBuilder();
        int at = start;
        foreach (var mention in mentions)
        {
            if (mention.Start < at || mention.End > end)
            {
                continue;
            }

            builder.Append(text, at, mention.Start - at);
            builder.Append(mention.Via == "alias" && mention.Actor is { } actor ? actor.Name : mention.Surface);
            at = mention.End;
        }

        if (end > at)
        {
            builder.Append(text, at, end - at);
        }

        return Squeeze(builder.ToString()).Trim(' ', ',', '.', ';', ':', '-', '—');
    }

    private static string FirstWord(string value)
    {
        int space = value.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? value : value[..space]).ToLowerInvariant();
    }

    private static string Squeeze(string value) => WhiteSpace().Replace(value, " ").Trim();

    [GeneratedRegex("^(?i:in|on|by|before|until|from|during|as|within|over|early|late|later|next|this|mid)\\b")]
    private static partial Regex TimeLead();

    [GeneratedRegex("^\\s+to\\b")]
    private static partial Regex ToPattern();

    [GeneratedRegex("^\\s*(?<aux>is|are|was|were|has been|have been)?\\s*not\\s+only\\s+(?<lead>.+?)\\s*,?\\s*but\\s*(?:also)?\\s*$")]
    private static partial Regex NotOnlyPattern();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
