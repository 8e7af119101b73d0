namespace BriefingBot.Articles.Stories;

/// <summary>A recent story that shares index terms with a new article, with its centroid.</summary>
public sealed record StoryCandidate(long StoryId, StoryVector Vector);

/// <summary>
/// Where a new article goes: <see cref="StoryId"/> (null: it starts a story) and the other stories that turned out to
/// be the same one (<see cref="Merged"/>, to fold into <see cref="StoryId"/>, the oldest keeping its id).
/// </summary>
public sealed record StoryDecision(long? StoryId, IReadOnlyList<long> Merged, float Similarity);

/// <summary>
/// The online clustering step, free of storage: the article joins the most similar candidate story if the TF-IDF
/// cosine reaches <see cref="StoriesOptions.JoinSimilarity"/>; other candidates it also joins whose centroids are as
/// alike as <see cref="StoriesOptions.MergeSimilarity"/> to the chosen one are merged into it.
/// </summary>
public static class StoryMatcher
{
    /// <summary>A term in more than this share of articles (and more than <see cref="CommonFloor"/>) is not an index term.</summary>
    private const double CommonShare = 0.02;
    private const int CommonFloor = 200;

    public static StoryDecision Choose(
        StoryTerms article, IReadOnlyList<StoryCandidate> candidates, TermStatistics statistics, StoriesOptions options)
    {
        if (candidates.Count == 0)
        {
            return new StoryDecision(null, [], 0f);
        }

        var scored = candidates.Select(c => (Candidate: c, Similarity: c.Vector.Cosine(article, statistics)))
            .OrderByDescending(s => s.Similarity).ThenBy(s => s.Candidate.StoryId).ToList();
        var best = scored[0];
        if (best.Similarity < options.JoinSimilarity)
        {
            return new StoryDecision(null, [], best.Similarity);
        }

        var joined = scored.Skip(1).Where(s => s.Similarity >= options.JoinSimilarity)
            .Where(s => s.Candidate.Vector.Cosine(best.Candidate.Vector, statistics) >= options.MergeSimilarity)
            .Select(s => s.Candidate.StoryId)
            .ToList();
        if (joined.Count == 0)
        {
            return new StoryDecision(best.Candidate.StoryId, [], best.Similarity);
        }

        // Stable ids: the oldest story keeps its id and the others fold into it.
        joined.Add(best.Candidate.StoryId);
        var survivor = joined.Min();
        return new StoryDecision(survivor, [.. joined.Where(id => id != survivor).Order()], best.Similarity);
    }

    /// <summary>The article's index terms: its strongest by weight times IDF, leaving out terms too common to tell events apart.</summary>
    public static long[] IndexTerms(StoryTerms article, TermStatistics statistics, int count)
    {
        var common = Math.Max(CommonFloor, statistics.Documents * CommonShare);
        return [.. Enumerable.Range(0, article.Count)
            .Where(i => statistics.Frequency(article.Terms[i]) <= common)
            .OrderByDescending(i => article.Weights[i] * statistics.Idf(article.Terms[i]))
            .ThenBy(i => article.Terms[i])
            .Take(count)
            .Select(i => article.Terms[i])];
    }

    /// <summary>Days since the Unix epoch, the unit of the story window.</summary>
    public static int Day(DateTimeOffset time) => (int)Math.Floor(time.ToUnixTimeSeconds() / 86_400d);
}
