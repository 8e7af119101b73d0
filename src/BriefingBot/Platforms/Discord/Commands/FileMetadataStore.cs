using System.Security.Cryptography;
using System.Text;
using BriefingBot.Storage;

namespace BriefingBot.Platforms.Discord.Commands;

/// <summary>Used only while no storage-backed <see cref="IMetadataStore"/> is registered: one small file per key.</summary>
public sealed class FileMetadataStore(string folder) : IMetadataStore
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? (await File.ReadAllTextAsync(path, cancellationToken)).Trim() : null;
    }

    public async Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(key);
        await File.WriteAllTextAsync(path + ".tmp", value, cancellationToken);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private string PathOf(string key) => Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".txt");
}
