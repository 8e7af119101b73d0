namespace BriefingBot.Storage;

/// <summary>Small named values that must survive restarts (hashes, cursors, last-run markers).</summary>
public interface IMetadataStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
