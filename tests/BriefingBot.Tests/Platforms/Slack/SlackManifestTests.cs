using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Actors;
using BriefingBot.Articles;
using BriefingBot.Articles.Feeds;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Chat.Commands;
using BriefingBot.Digests;
using BriefingBot.Follows;
using BriefingBot.Analysis.Developments;
using BriefingBot.Hosting;
using BriefingBot.Polls;
using BriefingBot.Tests.TestDoubles;
using Json.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace BriefingBot.Tests.Platforms.Slack;

public sealed class SlackManifestTests
{
    private static readonly string SchemaFolder = Path.Combine(SharedFolder.Path, "platform-specs", "slack", "manifest-schema");

    [Fact]
    public void Manifest_ValidatedAgainstSlacksSchema_IsValid()
    {
        var result = Evaluate(File.ReadAllText(ManifestPath()));

        Assert.True(result.IsValid, Describe(result));
    }

    [Fact]
    public void Schema_SlacksOwnInvalidFixture_IsRejected()
    {
        // Proves the validator actually checks something before we trust its verdict on our manifest.
        Assert.True(Evaluate(File.ReadAllText(Path.Combine(SchemaFolder, "tests", "v1-manifest.valid.json"))).IsValid);
        Assert.False(Evaluate(File.ReadAllText(Path.Combine(SchemaFolder, "tests", "v1-manifest.invalid.json"))).IsValid);
    }

    [Fact]
    public void Manifest_SlashCommands_AreExactlyTheCommandGroupsDefinedInCode()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath()))!;
        var inManifest = manifest["features"]!["slash_commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(CommandGroupsInCode(), inManifest);
    }

    [Fact]
    public void Manifest_Settings_SocketModeInteractivityAndTheScopesWeCall()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(ManifestPath()))!;
        var scopes = manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();

        Assert.True(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.True(manifest["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>());
        Assert.Contains("app_mention", manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Superset(new HashSet<string> { "commands", "chat:write", "files:write", "channels:join", "app_mentions:read" }, scopes.ToHashSet());
    }

    /// <summary>The commands the worker registers (Hosting: AddCommandDispatch + AddArticles + AddPolls + AddActors + AddDigests), as slash commands: "/" + group.</summary>
    private static IReadOnlyList<string> CommandGroupsInCode()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(Substitute.For<IArticleStore>());
        services.AddSingleton(Substitute.For<BriefingBot.Analysis.IAnalysisStore>());
        services.AddSingleton(Substitute.For<IArticleIngestor>());
        services.AddCommandDispatch();
        services.AddArticles(BotMode.Worker);
        services.AddSingleton(Substitute.For<BriefingBot.Articles.Feeds.IFeedStore>());
        services.AddFeeds(BotMode.Ingest);
        services.AddSingleton(Substitute.For<BriefingBot.Analysis.IAnalysisStore>());
        services.AddSingleton(Substitute.For<IPollStore>());
        services.AddSingleton(Substitute.For<IDevelopmentStore>());
        services.AddPolls(BotMode.Worker);
        services.AddSingleton(Substitute.For<BriefingBot.Actors.IActorStore>());
        services.AddActors();
        services.AddSingleton(Substitute.For<BriefingBot.Digests.IDigestStore>());
        services.AddSingleton(Substitute.For<BriefingBot.Digests.IDigestSource>());
        services.AddDigests(BotMode.Worker, new ConfigurationBuilder().Build());
        services.AddSingleton(Substitute.For<IFollowStore>());
        services.AddFollows(BotMode.Worker);
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<CommandCatalog>();
        return [.. catalog.All.Select(c => "/" + c.Definition.Group).Distinct().Order(StringComparer.Ordinal)];
    }

    private static EvaluationResults Evaluate(string manifestJson)
    {
        // The root schema $refs the versioned files online; validate against the v1 file directly (offline).
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, "manifest.schema.1.0.0.json")), new BuildOptions { Dialect = Dialect.Draft07 });
        using var document = JsonDocument.Parse(manifestJson);
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")));

    private static string ManifestPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "slack-manifest.json");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "BriefingBot.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/slack-manifest.json was not found above the test output folder.");
    }
}
