using System.Collections.Concurrent;
using BriefingBot.Storage;

namespace BriefingBot.Articles;

/// <summary>
/// Keeps metadata for the life of the process; used only when storage registers no <see cref="IMetadataStore"/>
/// (then samples are re-ingested and feeds re-learned at each start, which dedupe makes harmless).
/// </summary>
public sealed class InMemoryMetadataStore : IMetadataStore
{
    private readonly ConcurrentDictionary<string, string> values = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(values.TryGetValue(key, out var value) ? value : null);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        values[key] = value;
        return Task.CompletedTask;
    }
}
