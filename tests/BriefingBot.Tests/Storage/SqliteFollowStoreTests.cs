namespace BriefingBot.Tests.Storage;

/// <summary>The follow contract against a real SQLite file; each test gets its own file.</summary>
public sealed class SqliteFollowStoreTests : FollowStoreContract, IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    protected override Task<StorageHarness> OpenAsync() =>
        StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, Guid.NewGuid().ToString("N"), "bot.db") }, Ct);
}
