using BriefingBot.Articles;

namespace BriefingBot.Storage;

/// <summary>A stored article that shares a SimHash band with the new one.</summary>
internal readonly record struct BandCandidate(long Id, long StoryId, long SimHash);

internal static class NearDuplicate
{
    /// <summary>The story of the earliest candidate within <see cref="ArticleFingerprint.NearDuplicateDistance"/>, if any.</summary>
    public static long? StoryOf(IEnumerable<BandCandidate> candidates, ulong simHash)
    {
        BandCandidate? first = null;
        foreach (var candidate in candidates)
        {
            if ((first is null || candidate.Id < first.Value.Id)
                && ArticleFingerprint.Distance(ArticleFingerprint.FromSigned(candidate.SimHash), simHash) <= ArticleFingerprint.NearDuplicateDistance)
            {
                first = candidate;
            }
        }

        return first?.StoryId;
    }
}
