using BriefingBot.Articles;

namespace BriefingBot.Storage;

/// <summary>A stored article that shares an LSH band key with the new one.</summary>
internal readonly record struct BandCandidate(long Id, long StoryId, uint[] MinHash);

internal static class NearDuplicate
{
    /// <summary>The story of the earliest candidate at least <see cref="ArticleFingerprint.NearDuplicateSimilarity"/> alike, if any.</summary>
    public static long? StoryOf(IEnumerable<BandCandidate> candidates, uint[] minHash)
    {
        BandCandidate? first = null;
        foreach (var candidate in candidates)
        {
            if ((first is null || candidate.Id < first.Value.Id)
                && ArticleFingerprint.Similarity(candidate.MinHash, minHash) >= ArticleFingerprint.NearDuplicateSimilarity)
            {
                first = candidate;
            }
        }

        return first?.StoryId;
    }
}
