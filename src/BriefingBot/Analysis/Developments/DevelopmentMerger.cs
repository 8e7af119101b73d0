namespace BriefingBot.Analysis.Developments;

/// <summary>A development as one article reports it; <see cref="Source"/> names the article (file, URL or id).</summary>
public sealed record SourcedDevelopment(string Source, ReportedDevelopment Development);

/// <summary>One development told by one or more articles; the first report stands for it.</summary>
public sealed record MergedDevelopment(ReportedDevelopment Development, IReadOnlyList<string> Sources)
{
    public int Corroboration => Sources.Count;
}

/// <summary>
/// Merges developments that make the same claim: a development joins the first group where it shares an actor with
/// a member, its claim shares most content words with that member's (stemmed, Jaccard at least <see cref="SameClaim"/>),
/// and its time window, if stated, overlaps that of every member that states one ("by August" and "in January" are
/// different predictions).
/// Greedy, in the order given, so the result is deterministic; the first report stands for the group.
/// </summary>
public static class DevelopmentMerger
{
    public const double SameClaim = 0.5;

    public static IReadOnlyList<MergedDevelopment> Merge(IEnumerable<SourcedDevelopment> developments)
    {
        var groups = new List<(List<(ReportedDevelopment Development, HashSet<string> Words)> Members, List<string> Sources)>();
        foreach (var (source, development) in developments)
        {
            var words = ContentWords(development.Claim);
            var group = groups.FirstOrDefault(g =>
                g.Members.Any(m => Similar(m.Development, m.Words, development, words))
                && g.Members.All(m => WindowsAgree(m.Development.Window, development.Window)));
            if (group.Members is null)
            {
                groups.Add(([(development, words)], [source]));
                continue;
            }

            group.Members.Add((development, words));
            if (!group.Sources.Contains(source))
            {
                group.Sources.Add(source);
            }
        }

        return groups.Select(g => new MergedDevelopment(g.Members[0].Development, g.Sources)).ToList();
    }

    /// <summary>How alike two claims are, 0 to 1: the Jaccard overlap of their stemmed content words; 0 when they share no actor.</summary>
    public static double Similarity(ReportedDevelopment a, ReportedDevelopment b) =>
        SharesActor(a, b) ? Jaccard(ContentWords(a.Claim), ContentWords(b.Claim)) : 0;

    /// <summary>True when <paramref name="candidate"/> reports the same development as <paramref name="reported"/> (one member of a group).</summary>
    public static bool SameDevelopment(ReportedDevelopment reported, ReportedDevelopment candidate) =>
        WindowsAgree(reported.Window, candidate.Window) && Similarity(reported, candidate) >= SameClaim;

    private static bool Similar(ReportedDevelopment a, HashSet<string> aWords, ReportedDevelopment b, HashSet<string> bWords) =>
        SharesActor(a, b) && Jaccard(aWords, bWords) >= SameClaim;

    private static bool SharesActor(ReportedDevelopment a, ReportedDevelopment b) =>
        a.Actors.Any(x => b.Actors.Any(y => y.Id == x.Id));

    private static bool WindowsAgree(TimeWindow? a, TimeWindow? b) =>
        a is null || b is null || (a.From <= b.To && b.From <= a.To);

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        int shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static HashSet<string> ContentWords(string claim) =>
        Tokenizer.Tokenize(claim)
            .Select(t => Tokenizer.Normalize(t.Text))
            .Where(w => !StopWords.Contains(w) && !ClaimWords.Modals.Contains(w))
            .Select(Stemmer.Stem)
            .ToHashSet(StringComparer.Ordinal);
}
