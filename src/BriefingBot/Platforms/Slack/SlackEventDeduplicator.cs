namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Remembers the last <see cref="Capacity"/> event ids, so the Events API's retries (the same event_id up to three
/// more times within about five minutes) are handled once. Bounded: the oldest id is forgotten first.
/// </summary>
public sealed class SlackEventDeduplicator
{
    public const int Capacity = 10_000;

    private readonly Lock gate = new();
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    /// <summary>True the first time an id is seen.</summary>
    public bool TryClaim(string eventId)
    {
        lock (gate)
        {
            if (!seen.Add(eventId))
            {
                return false;
            }

            order.Enqueue(eventId);
            if (order.Count > Capacity)
            {
                seen.Remove(order.Dequeue());
            }

            return true;
        }
    }
}
