using BriefingBot.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Storage;

public sealed class SqliteStartupTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task MigrateAsync_FreshFileInMissingFolder_CreatesFolderAndAppliesAllMigrations()
    {
        var path = Path.Combine(folder.Path, "a", "b", "bot.db");
        await using var services = StorageHarness.BuildServices(Settings(path), out _);
        var migrator = services.GetRequiredService<BriefingBot.Storage.Migrations.IStorageMigrator>();

        var first = await migrator.MigrateAsync(Ct);
        var second = await migrator.MigrateAsync(Ct);

        Assert.True(File.Exists(path));
        Assert.Equal((BriefingBot.Storage.Migrations.SqliteMigrations.All.Count, 0), (first, second));
    }

    [Fact]
    public async Task MigrateAsync_FolderBlockedByFile_ThrowsStartupErrorNamingFolder()
    {
        var blocker = Path.Combine(folder.Path, "blocker");
        await File.WriteAllTextAsync(blocker, "not a folder", Ct);
        await using var services = StorageHarness.BuildServices(Settings(Path.Combine(blocker, "bot.db")), out _);

        var error = await Assert.ThrowsAsync<BotStartupException>(
            () => services.GetRequiredService<BriefingBot.Storage.Migrations.IStorageMigrator>().MigrateAsync(Ct));

        Assert.StartsWith("cannot create the folder for the SQLite database (Storage:SqlitePath) at " + blocker + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_FileIsNotADatabase_ThrowsStartupErrorNamingFile()
    {
        var path = Path.Combine(folder.Path, "garbage.db");
        await File.WriteAllBytesAsync(path, [.. Enumerable.Repeat((byte)'x', 8192)], Ct);
        await using var services = StorageHarness.BuildServices(Settings(path), out _);

        var error = await Assert.ThrowsAsync<BotStartupException>(
            () => services.GetRequiredService<BriefingBot.Storage.Migrations.IStorageMigrator>().MigrateAsync(Ct));

        Assert.StartsWith("cannot open the SQLite database (Storage:SqlitePath) at " + path + ":", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string path) => new() { ["Provider"] = "Sqlite", ["SqlitePath"] = path };
}
