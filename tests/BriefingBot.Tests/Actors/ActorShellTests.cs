using BriefingBot.Actors;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Shell;
using BriefingBot.Storage;
using BriefingBot.Storage.Migrations;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace BriefingBot.Tests.Actors;

/// <summary>
/// The commands as a new user types them in the shell, over config/samples and ../shared/corpus ingested and analysed
/// (the analysis pass run to the end first, as the background worker would), on a SQLite file, at a fixed date.
/// </summary>
public sealed class ActorShellTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private readonly TempFolder folder = new();
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(folder.Path, "bot.db") })
            .Build());
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        collection.AddSingleton(Substitute.For<IHostApplicationLifetime>());
        collection.AddCommandDispatch();
        collection.AddStorage();
        collection.AddArticles(BotMode.Ingest);
        collection.AddActors();
        services = collection.BuildServiceProvider();
        var ct = TestContext.Current.CancellationToken;
        await services.GetRequiredService<IStorageMigrator>().MigrateAsync(ct);
        await services.GetRequiredService<ActorAliases>().LoadAsync(ct);
        var samples = Path.Combine(AppContext.BaseDirectory, "config", "samples");
        var report = await services.GetRequiredService<IArticleIngestor>().IngestAsync([samples, SharedFolder.Corpus], IngestTrust.Operator, null, ct);
        Assert.Equal(0, report.Failed);
        var worker = ActivatorUtilities.CreateInstance<AnalysisWorker>(services);
        Assert.Equal(report.Ingested, await worker.RunPassAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Actor_NorthKorea_CardWithCountsCoActorsArticlesAndChart()
    {
        var output = await RunAsync("/actor North Korea");

        Assert.StartsWith("North Korea" + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Contains("Sovereign state in East Asia; capital Pyongyang.", output, StringComparison.Ordinal);
        Assert.Contains("  Kind: state", output, StringComparison.Ordinal);
        Assert.Contains("  Country code: KP", output, StringComparison.Ordinal);
        Assert.Matches(@"  Last 7 days: [1-9]\d* mentions in [1-9]\d* articles; ", output);
        Assert.Matches(@"  Last 30 days: [1-9]\d* mentions in 1[01] articles; new: none in the 30 days before", output);
        Assert.Matches(@"== Appears most with \(articles in common\) ==\r?\nRussia \(\d+\)", output);
        Assert.Contains("== Latest articles ==", output, StringComparison.Ordinal);
        Assert.Contains("(image actor-kp.png: Bar chart of North Korea mentions per day from 27 Oct to 25 Nov 2026", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_PyongyangAndKremlin_ReachStatesThroughAliases()
    {
        var pyongyang = await RunAsync("/actor Pyongyang");
        var kremlin = await RunAsync("/actor Kremlin");

        Assert.StartsWith("Pyongyang → North Korea (reached through the alias \"Pyongyang\")", pyongyang, StringComparison.Ordinal);
        Assert.StartsWith("Kremlin → Russia (reached through the alias \"Kremlin\")", kremlin, StringComparison.Ordinal);
        Assert.Contains("Sovereign state in Eastern Europe; capital Moscow.", kremlin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_Typo_NoActorFoundWithNorthKoreaFirst()
    {
        var output = await RunAsync("/actor Nrth Korea");

        Assert.StartsWith("error: No actor found for \"Nrth Korea\". Closest matches:" + Environment.NewLine + "- North Korea (state): /actor North Korea", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActorsTop_ThirtyDays_RanksNorthKoreaAndRussiaFirst()
    {
        var output = await RunAsync("/actors top 30");

        Assert.StartsWith("Most mentioned actors, last 30 days", output, StringComparison.Ordinal);
        Assert.Matches(@"1\. (North Korea|Russia): \d+ mentions \(new; 0 in the 30 days before\)\r?\n2\. (North Korea|Russia): ", output);
    }

    [Fact]
    public async Task ActorAliasAdd_TypedAfterActor_TeachesAndResolvesItNextTime()
    {
        var taught = await RunAsync("/actor alias add actor:North Korea alias:Hermit Kingdom");
        var card = await RunAsync("/actor hermit kingdom");
        var removed = await RunAsync("/actors alias remove alias:Hermit Kingdom");
        var after = await RunAsync("/actor Hermit Kingdom");

        Assert.StartsWith("Taught: \"Hermit Kingdom\" → North Korea.", taught, StringComparison.Ordinal);
        Assert.StartsWith("Hermit Kingdom → North Korea (reached through the taught alias \"Hermit Kingdom\")", card, StringComparison.Ordinal);
        Assert.StartsWith("Removed the alias \"Hermit Kingdom\" of North Korea.", removed, StringComparison.Ordinal);
        Assert.StartsWith("error: No actor found for \"Hermit Kingdom\".", after, StringComparison.Ordinal);
    }

    private async Task<string> RunAsync(string line)
    {
        var parsed = services.GetRequiredService<TextCommandParser>().Parse(line, CommandContext.Shell("tester"));
        Assert.True(parsed.Request is not null, parsed.Error);
        var reply = await services.GetRequiredService<CommandDispatcher>().DispatchAsync(parsed.Request, TestContext.Current.CancellationToken);
        return ShellRenderer.Render(reply);
    }
}
