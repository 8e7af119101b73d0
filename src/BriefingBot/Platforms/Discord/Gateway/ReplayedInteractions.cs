using System.Collections.Concurrent;

namespace BriefingBot.Platforms.Discord.Gateway;

/// <summary>
/// A RESUME replays the events after our last sequence, which can include interactions we already answered;
/// answering twice fails (40060). Remembers the latest interaction ids.
/// </summary>
public sealed class ReplayedInteractions(int capacity = 1000)
{
    private readonly ConcurrentDictionary<string, byte> seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();

    public bool FirstTime(string interactionId)
    {
        if (!seen.TryAdd(interactionId, 0))
        {
            return false;
        }

        order.Enqueue(interactionId);
        while (order.Count > capacity && order.TryDequeue(out var oldest))
        {
            seen.TryRemove(oldest, out _);
        }

        return true;
    }
}
