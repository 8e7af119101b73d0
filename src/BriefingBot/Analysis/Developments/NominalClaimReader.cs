using System.Text.RegularExpressions;
using BriefingBot.Analysis.Actors;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// Reads a second claim that a sentence names as a hedged noun beside its main claim: in "North Korea may deploy
/// more troops to Russia, with potential involvement in combat operations against Ukraine", the phrase "potential
/// involvement in combat operations against Ukraine" gives "North Korea may take part in combat operations against
/// Ukraine". Only when the main claim's subject is an actor, who is then taken to be the doer.
/// </summary>
internal static partial class NominalClaimReader
{
    public static IEnumerable<(Claim Claim, HedgeCue Cue)> Read(
        string text, Sentence sentence, Claim main, IReadOnlyList<HedgeCue> cues, IReadOnlyList<ActorMention> mentions, IReadOnlyList<TimeExpression> times)
    {
        var doer = main.Actors.FirstOrDefault(a => a.Name == main.Subject);
        if (doer is null || main.Lead is not null)
        {
            yield break;
        }

        for (var match = HedgedNoun().Match(text, sentence.Start, sentence.Length); match.Success; match = match.NextMatch())
        {
            var cue = cues.FirstOrDefault(c => c.Start == match.Groups["cue"].Index && c.IsUncertain);
            var verb = Verb(match.Groups["noun"].Value.ToLowerInvariant(), match.Groups["prep"].Value.ToLowerInvariant());
            if (cue is null || verb is null)
            {
                continue;
            }

            var rest = match.Groups["rest"];
            int end = rest.Index + rest.Length;
            var time = times.FirstOrDefault(t => t.Start >= rest.Index && t.Start < end);
            if (time is not null)
            {
                end = time.Start;
            }

            var obj = Render(text, rest.Index, end, mentions);
            var actors = mentions
                .Where(m => m.Start >= rest.Index && m.End <= end && m.Kind != ActorKind.Media)
                .Select(ClaimReader.ActorOf)
                .Prepend(doer)
                .DistinctBy(a => a.Id)
                .ToList();
            var predicate = ClaimWords.Synonyms($"{verb} {obj}".Trim());
            if (obj.Length > 0 && predicate != main.Predicate)
            {
                yield return (new Claim(main.Subject, null, "may", predicate, actors, time ?? main.Time), cue);
            }
        }
    }

    // "involvement in X" → "take part in X"; "deployment of X" → "deploy X"; "visit to X" → "visit X".
    private static string? Verb(string noun, string preposition)
    {
        if (noun is "involvement" or "participation")
        {
            return preposition == "in" ? "take part in" : null;
        }

        return ClaimWords.Nominalisations.TryGetValue(noun, out var verb) && preposition is "of" or "to" ? verb : null;
    }

    private static string Render(string text, int start, int end, IReadOnlyList<ActorMention> mentions)
    {
        var words = text[start..end];
        foreach (var mention in mentions.Where(m => m.Start >= start && m.End <= end && m.Via == "alias" && m.Actor is not null).Reverse())
        {
            words = string.Concat(words.AsSpan(0, mention.Start - start), mention.Actor!.Name, words.AsSpan(mention.End - start));
        }

        return WhiteSpace().Replace(words, " ").Trim();
    }

    [GeneratedRegex("\\b(?<cue>potential|possible|alleged|prospective)\\s+(?:(?:military|direct|further|additional|new|large-scale)\\s+)?(?<noun>[a-z]+)\\s+(?<prep>of|in|to)\\s+(?<rest>[^,;:.()—]+?)(?=\\s*(?:[,;:.()—]|\\bwhich\\b|\\bwhile\\b|\\bthat\\b|\\b(?:is|are|was|were|would|could|may|might|will|has|have|represents?|remains?)\\b|$))", RegexOptions.IgnoreCase)]
    private static partial Regex HedgedNoun();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
