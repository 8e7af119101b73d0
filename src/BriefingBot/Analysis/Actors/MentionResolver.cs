namespace BriefingBot.Analysis.Actors;

/// <summary>
/// Turns tagged spans into mentions: the span and its type come from the tagger; the actor comes from the rule
/// pass when it found the same words (it knows aliases, demonyms and what the text said of a name elsewhere), else
/// from the catalogue when the words are one of its names. Words that are a catalogue demonym are a demonym
/// mention whatever type the tagger gave them; any other MISC span is no actor and is dropped.
/// </summary>
internal static class MentionResolver
{
    public static List<ActorMention> Resolve(
        string text, WordToken[] words, IReadOnlyList<TaggedSpan> spans, IReadOnlyList<ActorMention> rules, Gazetteer gazetteer, bool backfill)
    {
        var byStart = new Dictionary<(int, int), ActorMention>();
        foreach (var mention in rules)
        {
            byStart.TryAdd((mention.Start, mention.End), mention);
        }

        var mentions = new List<ActorMention>(spans.Count);
        foreach (var tagged in spans)
        {
            var span = Trim(words, tagged);
            if (span is null)
            {
                continue;
            }

            var (first, last, type) = span.Value;
            int start = words[first].Start, end = words[last].End;
            byStart.TryGetValue((start, end), out var rule);
            var known = rule is null && gazetteer.Match(words, first, caseless: true) is { } match && match.Last == last ? match.Names[0] : null;
            var actor = rule?.Actor ?? known?.Actor;
            var via = rule?.Via ?? known?.Via ?? "model";
            if (via == "demonym" && actor is not null)
            {
                mentions.Add(new ActorMention(start, end - start, text[start..end], actor, actor.Kind, rule?.Confidence ?? 0.8, via));
                continue;
            }

            if (type == "MISC")
            {
                continue;
            }

            if (actor is not null && !Agrees(type, actor.Kind))
            {
                // The words name a catalogue entry of another type ("Washington" the person, "Jordan" the player).
                actor = null;
                via = "model";
            }

            var kind = actor?.Kind ?? (rule is { Actor: null } && Agrees(type, rule.Kind) ? rule.Kind : Default(type));
            mentions.Add(new ActorMention(start, end - start, text[start..end], actor, kind, rule?.Confidence ?? (actor is null ? 0.6 : 0.85), via));
        }

        if (backfill)
        {
            Backfill(mentions, rules);
        }

        JoinListedNames(text, words, mentions);
        return mentions;
    }

    /// <summary>
    /// "Ministry of Economy, Trade and Industry", "Department of Health, Education and Welfare": an organisation
    /// named "X of Y" goes on through a comma-separated list of capitalised words closed by "and".
    /// </summary>
    private static void JoinListedNames(string text, WordToken[] words, List<ActorMention> mentions)
    {
        for (int m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Kind != ActorKind.Organisation || !mention.Surface.Contains(" of ", StringComparison.Ordinal))
            {
                continue;
            }

            int last = Array.FindIndex(words, w => w.End == mention.End);
            int k = last + 1;
            if (last < 0 || k >= words.Length || text.AsSpan(mention.End, words[k].Start - mention.End).Trim() is not ",")
            {
                continue;
            }

            int end = -1;
            bool and = false;
            for (; k < words.Length && (k == last + 1 || words[k].JoinsPrevious || text.AsSpan(words[k - 1].End, words[k].Start - words[k - 1].End).Trim() is ","); k++)
            {
                if (words[k].Key == "and" && !and && end >= 0)
                {
                    and = true;
                }
                else if (words[k].IsCapitalised && !words[k].OpensSentence)
                {
                    end = and ? k : -2;
                    if (!and)
                    {
                        end = k;
                    }
                }
                else
                {
                    break;
                }
            }

            if (!and || end < 0 || words[end].Key == "and")
            {
                continue;
            }

            int stop = words[end].End;
            mentions.RemoveAll(other => other != mention && other.Start >= mention.End && other.End <= stop);
            mentions[m] = mention with { Length = stop - mention.Start, Surface = text[mention.Start..stop], Actor = null, Via = "rule" };
        }
    }

    /// <summary>A catalogue name the tagger left untouched (no tagged word overlaps it) still counts.</summary>
    private static void Backfill(List<ActorMention> mentions, IReadOnlyList<ActorMention> rules)
    {
        int before = mentions.Count;
        foreach (var rule in rules)
        {
            if (rule.Actor is not null && rule.Via is "name" or "alias" && !Overlaps(mentions, before, rule))
            {
                mentions.Add(rule);
            }
        }

        if (mentions.Count > before)
        {
            mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    private static bool Overlaps(List<ActorMention> mentions, int count, ActorMention other)
    {
        for (int i = 0; i < count; i++)
        {
            if (mentions[i].Start < other.End && other.Start < mentions[i].End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A name neither opens with a sentence's function or calendar word ("Later Brannagh") nor ends in a word in
    /// lower case ("Ministry of Fisheries in"); null when nothing is left.
    /// </summary>
    private static (int First, int Last, string Type)? Trim(WordToken[] words, TaggedSpan span)
    {
        int first = span.First, last = span.Last;
        while (last > first && !words[last].IsCapitalised && !words[last].IsNumber)
        {
            last--;
        }

        while (first < last && words[first].OpensSentence
            && (StopWords.Contains(words[first].Key) || NameCues.NotNames.Contains(words[first].Key) || NameCues.Calendar.Contains(words[first].Key)))
        {
            first++;
        }

        return !words[first].IsCapitalised && !words[first].IsNumber && first == last ? null : (first, last, span.Type);
    }

    private static bool Agrees(string type, ActorKind kind) => type switch
    {
        "LOC" => kind is ActorKind.State or ActorKind.Territory or ActorKind.Place,
        "PER" => kind is ActorKind.Person,
        _ => kind is ActorKind.Organisation or ActorKind.Media or ActorKind.ArmedGroup,
    };

    private static ActorKind Default(string type) => type switch
    {
        "LOC" => ActorKind.Place,
        "PER" => ActorKind.Person,
        _ => ActorKind.Organisation,
    };
}
