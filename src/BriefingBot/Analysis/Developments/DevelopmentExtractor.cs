using BriefingBot.Analysis.Actors;
using BriefingBot.Articles;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// Finds reported developments: sentences whose hedge or intention cue governs a possible event with at least one
/// actor (see <see cref="ClaimReader"/>), with their attribution, time window and a poll question. Without an
/// <see cref="IActorRecognizer"/> there are no actors, so no developments; hedges are still found.
/// </summary>
public sealed class DevelopmentExtractor(IActorRecognizer? recognizer = null)
{
    /// <summary>When a claim states no time, its question resolves this many months after the article's date.</summary>
    public const int DefaultHorizonMonths = 6;

    public DevelopmentAnalysis Analyze(string body, DateOnly published)
    {
        var hedges = HedgeDetector.Detect(body);
        var mentions = recognizer?.Recognize(body) ?? [];
        return new DevelopmentAnalysis(hedges, mentions, Extract(body, published, hedges, mentions));
    }

    public DevelopmentAnalysis Analyze(Article article) =>
        Analyze(article.Text, DateOnly.FromDateTime((article.PublishedAt ?? article.FetchedAt).UtcDateTime));

    /// <summary>The developments of <paramref name="body"/>, given its hedges and actor mentions (offsets into the body).</summary>
    public static IReadOnlyList<ReportedDevelopment> Extract(
        string body, DateOnly published, IReadOnlyList<Hedge> hedges, IReadOnlyList<ActorMention> mentions)
    {
        var developments = new List<ReportedDevelopment>();
        if (mentions.Count == 0)
        {
            return developments;
        }

        var sorted = mentions.OrderBy(m => m.Start).ToArray();
        var hedgeAt = hedges.ToDictionary(h => h.Start);
        int next = 0;
        foreach (var sentence in SentenceSplitter.Split(body))
        {
            while (next < sorted.Length && sorted[next].Start < sentence.Start)
            {
                next++;
            }

            int count = 0;
            while (next + count < sorted.Length && sorted[next + count].End <= sentence.End)
            {
                count++;
            }

            if (count > 0)
            {
                developments.AddRange(Read(body, published, sentence, hedgeAt.GetValueOrDefault(sentence.Start), sorted.AsSpan(next, count).ToArray()));
            }
        }

        return MergeNearIdentical(developments);
    }

    private static readonly HashSet<string> Degree = new(StringComparer.Ordinal) { "more", "additional", "further", "extra", "also", "even", "new" };

    /// <summary>
    /// One article telling the same development twice ("may deploy more troops to Russia", later "may deploy troops
    /// to Russia") gives it once: the same question once words of degree are dropped. The report with a time window
    /// stands for both (else the first).
    /// </summary>
    internal static List<ReportedDevelopment> MergeNearIdentical(List<ReportedDevelopment> developments)
    {
        var kept = new List<ReportedDevelopment>(developments.Count);
        var keys = new List<string>(developments.Count);
        foreach (var development in developments)
        {
            var key = string.Join(' ', (Pollability.QuestionBody(development.Question) ?? development.Claim)
                .ToLowerInvariant()
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(word => !Degree.Contains(word)));
            int same = keys.IndexOf(key);
            if (same < 0)
            {
                kept.Add(development);
                keys.Add(key);
            }
            else if (kept[same].Window is null && development.Window is not null)
            {
                kept[same] = development;
            }
        }

        return kept;
    }

    private static IEnumerable<ReportedDevelopment> Read(string body, DateOnly published, Sentence sentence, Hedge? hedge, ActorMention[] mentions)
    {
        var cues = hedge?.Cues ?? HedgeDetector.FindCues(body, sentence.Start, sentence.Length);
        if (!cues.Any(c => c.IsUncertain || c.Kind == HedgeKind.Intention))
        {
            yield break;
        }

        var attribution = AttributionParser.Parse(body, sentence.Start, sentence.Length);
        var times = TimeWindowResolver.FindAll(body, sentence.Start, sentence.Length, published);
        var claim = ClaimReader.Read(body, sentence, cues, mentions, attribution, times);
        if (claim is null)
        {
            yield break;
        }

        var others = mentions
            .Where(m => m.Kind != ActorKind.Media && !attribution.Any(l => l.Start <= m.Start && m.Start < l.End))
            .Select(ClaimReader.ActorOf)
            .ToList();
        var strength = hedge?.Probability ?? cues.Where(c => c.IsUncertain || c.Kind == HedgeKind.Intention).Min(c => c.Probability);
        var cueWords = cues.Where(c => c.Kind != HedgeKind.Attribution).Select(c => c.Text).ToList();
        yield return Development(sentence, claim, claim.Actors.Concat(others), cueWords, strength, attribution, published);
        foreach (var (nominal, cue) in NominalClaimReader.Read(body, sentence, claim, cues, mentions, times))
        {
            yield return Development(sentence, nominal, nominal.Actors, [cue.Text], cue.Probability, attribution, published);
        }
    }

    private static ReportedDevelopment Development(
        Sentence sentence, Claim claim, IEnumerable<Actor> actors, IReadOnlyList<string> cues, double strength, IReadOnlyList<AttributionLink> attribution, DateOnly published)
    {
        var resolveBy = claim.Time?.Window.To ?? published.AddMonths(DefaultHorizonMonths);
        return new ReportedDevelopment(
            sentence.Start,
            sentence.End,
            claim.Text,
            actors.DistinctBy(a => a.Id).ToList(),
            cues,
            strength,
            attribution,
            claim.Time?.Window,
            PollQuestion.Ask(claim, resolveBy),
            resolveBy);
    }
}
