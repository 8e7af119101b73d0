namespace BriefingBot.Storage;

/// <summary>Small key/value settings that features keep across restarts (e.g. "samples ingested once").</summary>
public interface IMetadataStore
{
    /// <summary>The stored value, or null when the key was never set.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Creates or overwrites the key.</summary>
    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
