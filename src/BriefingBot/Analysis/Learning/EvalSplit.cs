using System.Text;

namespace BriefingBot.Analysis.Learning;

/// <summary>
/// The fixed split of every development set in shared/eval into a part to tune and train on and a part held out
/// for reporting: a document whose id hashes (FNV-1a, 32 bits, UTF-8) into the lowest <see cref="HeldOutPercent"/>
/// of 100 buckets is held out. Whole documents move together, so no sentence of a held-out article is trained on.
/// </summary>
public static class EvalSplit
{
    public const int HeldOutPercent = 30;

    public static bool IsHeldOut(string documentId) => Bucket(documentId) < HeldOutPercent;

    public static int Bucket(string documentId)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(documentId))
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash % 100);
    }

    /// <summary>The part of <paramref name="items"/> a split names: tune (false) or held-out (true).</summary>
    public static IReadOnlyList<T> Part<T>(IEnumerable<T> items, Func<T, string> documentId, bool heldOut) =>
        items.Where(item => IsHeldOut(documentId(item)) == heldOut).ToList();
}
