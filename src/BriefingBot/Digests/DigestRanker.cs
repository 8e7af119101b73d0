namespace BriefingBot.Digests;

/// <summary>A story with news, its articles (new and older sources), its actors' mention counts and its rank score.</summary>
public sealed record RankedStory(long StoryId, IReadOnlyList<DigestArticle> Articles, IReadOnlyList<StoryActor> Actors, double Score)
{
    public int SourceCount => Articles.Select(a => a.Source).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    public DateTimeOffset Latest => Articles.Where(a => a.IsNew).Max(a => a.PublishedAt ?? a.StoredAt);
}

public sealed record StoryActor(string Id, string Name, int Mentions);

/// <summary>
/// Orders stories by recency (half-life <see cref="RecencyHalfLife"/>), corroboration (distinct sources, log scale),
/// actor salience (how much of the story is about actors that many of today's stories mention) and the filter (how
/// much of the story is about the filter actor, or whether its headline has the keyword).
/// </summary>
public static class DigestRanker
{
    public static readonly TimeSpan RecencyHalfLife = TimeSpan.FromHours(12);
    public const double RecencyWeight = 1.0;
    public const double CorroborationWeight = 0.6;
    public const double SalienceWeight = 0.5;
    public const double FilterWeight = 0.5;

    // Eight sources or more count as fully corroborated.
    private const double FullCorroborationSources = 8;

    public static IReadOnlyList<RankedStory> Rank(
        IEnumerable<IReadOnlyList<DigestArticle>> stories,
        IReadOnlyList<ArticleActorCount> mentions,
        DigestFilter? filter,
        DateTimeOffset now)
    {
        var storyOfArticle = new Dictionary<long, long>();
        var byStory = new Dictionary<long, IReadOnlyList<DigestArticle>>();
        foreach (var articles in stories)
        {
            byStory[articles[0].StoryId] = articles;
            foreach (var article in articles)
            {
                storyOfArticle[article.Id] = article.StoryId;
            }
        }

        var actorsByStory = mentions
            .Where(m => storyOfArticle.ContainsKey(m.ArticleId))
            .GroupBy(m => storyOfArticle[m.ArticleId])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StoryActor>)[.. g
                .GroupBy(m => m.ActorId, StringComparer.OrdinalIgnoreCase)
                .Select(a => new StoryActor(a.Key, a.First().ActorName, a.Sum(m => m.Mentions)))
                .OrderByDescending(a => a.Mentions).ThenBy(a => a.Name, StringComparer.Ordinal)]);
        var storiesPerActor = actorsByStory.Values.SelectMany(actors => actors.Select(a => a.Id))
            .GroupBy(id => id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var mostCovered = storiesPerActor.Count == 0 ? 1 : storiesPerActor.Values.Max();

        var ranked = new List<RankedStory>(byStory.Count);
        foreach (var (storyId, articles) in byStory)
        {
            var actors = actorsByStory.GetValueOrDefault(storyId) ?? [];
            if (filter?.Actor is { } wanted && !actors.Any(a => string.Equals(a.Id, wanted.Id, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var story = new RankedStory(storyId, articles, actors, 0);
            var score = (RecencyWeight * Recency(story.Latest, now))
                + (CorroborationWeight * Corroboration(story.SourceCount))
                + (SalienceWeight * Salience(actors, storiesPerActor, mostCovered))
                + (FilterWeight * FilterMatch(story, filter));
            ranked.Add(story with { Score = score });
        }

        return [.. ranked.OrderByDescending(s => s.Score).ThenByDescending(s => s.Latest).ThenByDescending(s => s.StoryId)];
    }

    internal static double Recency(DateTimeOffset latest, DateTimeOffset now)
    {
        var age = Math.Max(0, (now - latest).TotalHours);
        return Math.Pow(0.5, age / RecencyHalfLife.TotalHours);
    }

    internal static double Corroboration(int sources) =>
        Math.Min(1, Math.Log2(Math.Max(1, sources)) / Math.Log2(FullCorroborationSources));

    private static double Salience(IReadOnlyList<StoryActor> actors, Dictionary<string, int> storiesPerActor, int mostCovered)
    {
        var total = actors.Sum(a => a.Mentions);
        return total == 0
            ? 0
            : actors.Sum(a => (double)a.Mentions / total * storiesPerActor[a.Id] / mostCovered);
    }

    private static double FilterMatch(RankedStory story, DigestFilter? filter)
    {
        if (filter is null)
        {
            return 0;
        }

        if (filter.Actor is { } actor)
        {
            var total = story.Actors.Sum(a => a.Mentions);
            var about = story.Actors.Where(a => string.Equals(a.Id, actor.Id, StringComparison.OrdinalIgnoreCase)).Sum(a => a.Mentions);
            return total == 0 ? 0 : (double)about / total;
        }

        return story.Articles.Any(a => a.Title.Contains(filter.Text, StringComparison.OrdinalIgnoreCase)) ? 1 : 0;
    }
}
