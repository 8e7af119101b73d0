namespace BriefingBot.Articles.Stories;

/// <summary>
/// Document frequencies of story terms over the stored articles, for inverse document frequency weights. The store
/// loads them once and writes back what a batch changed (<see cref="TakeChanges"/>).
/// </summary>
public sealed class TermStatistics
{
    private readonly Dictionary<long, int> frequencies;
    private readonly Dictionary<long, int> changes = [];

    public TermStatistics(Dictionary<long, int>? frequencies = null, long documents = 0)
    {
        this.frequencies = frequencies ?? [];
        Documents = documents;
        logDocuments = MathF.Log(documents + 1f);
    }

    public long Documents { get; private set; }

    public int Frequency(long term) => frequencies.GetValueOrDefault(term);

    private static readonly float[] LogTable = [.. Enumerable.Range(0, 4096).Select(i => MathF.Log(i + 1f))];
    private float logDocuments;

    /// <summary>ln((N + 1) / (df + 1)): 0 for a term every article has, large for a rare one.</summary>
    public float Idf(long term)
    {
        var df = Frequency(term);
        return logDocuments - (df < LogTable.Length ? LogTable[df] : MathF.Log(df + 1f));
    }

    public void Count(StoryTerms terms)
    {
        Documents++;
        logDocuments = MathF.Log(Documents + 1f);
        foreach (var term in terms.Terms)
        {
            frequencies[term] = frequencies.GetValueOrDefault(term) + 1;
            changes[term] = changes.GetValueOrDefault(term) + 1;
        }
    }

    /// <summary>The increments since the last call (term, added documents), for the store to persist.</summary>
    public IReadOnlyList<KeyValuePair<long, int>> TakeChanges()
    {
        var taken = changes.ToList();
        changes.Clear();
        return taken;
    }

    /// <summary>Forgets unsaved increments after a rolled-back batch (the frequencies are reloaded by the caller).</summary>
    public void DiscardChanges() => changes.Clear();
}
