using System.Globalization;

namespace BriefingBot.Articles.Stories;

/// <summary>
/// A story as readers see it: its headline (the most central of its titles), its sources in the order they reported
/// it, and when it was first and last seen (published time, else fetched time).
/// </summary>
public sealed record StoryInfo(
    long StoryId,
    string Headline,
    IReadOnlyList<string> Sources,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Articles)
{
    /// <summary>How many sources a line names before "and N more".</summary>
    public const int NamedSources = 5;

    /// <summary>"3 sources: Reuters, AP, BBC" (at most <see cref="NamedSources"/> named, then "and N more").</summary>
    public string SourcesLine => Describe(Sources);

    public static string Describe(IReadOnlyList<string> sources)
    {
        var named = string.Join(", ", sources.Take(NamedSources));
        var more = sources.Count > NamedSources ? $" and {sources.Count - NamedSources} more" : string.Empty;
        return sources.Count.ToString(CultureInfo.InvariantCulture) + (sources.Count == 1 ? " source: " : " sources: ") + named + more;
    }

    /// <summary>The story of <paramref name="articles"/> (all of one story, any order); null when there are none.</summary>
    public static StoryInfo? From(IReadOnlyList<ArticleSummary> articles)
    {
        if (articles.Count == 0)
        {
            return null;
        }

        var ordered = articles.OrderBy(Seen).ThenBy(a => a.Id).ToList();
        return new StoryInfo(
            ordered[0].StoryId,
            CentralTitle([.. ordered.Select(a => a.Title)]),
            [.. ordered.Select(a => a.Source).Distinct(StringComparer.OrdinalIgnoreCase)],
            Seen(ordered[0]),
            ordered.Max(Seen),
            ordered.Count);
    }

    /// <summary>The title most like the others (the largest summed similarity of its words); the first on a tie.</summary>
    public static string CentralTitle(IReadOnlyList<string> titles)
    {
        if (titles.Count <= 2)
        {
            return titles[0];
        }

        var vectors = titles.Select(t => StoryTerms.From(t, string.Empty)).ToList();
        var statistics = new TermStatistics();
        vectors.ForEach(statistics.Count);
        var best = 0;
        var bestScore = float.MinValue;
        for (var i = 0; i < vectors.Count; i++)
        {
            var own = StoryVector.Of(vectors[i], statistics);
            var score = 0f;
            for (var j = 0; j < vectors.Count; j++)
            {
                score += i == j ? 0 : own.Cosine(vectors[j], statistics);
            }

            if (score > bestScore + 1e-6f)
            {
                (best, bestScore) = (i, score);
            }
        }

        return titles[best];
    }

    private static DateTimeOffset Seen(ArticleSummary article) => article.PublishedAt ?? article.FetchedAt;
}
