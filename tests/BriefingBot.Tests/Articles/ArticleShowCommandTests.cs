using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Tests.Analysis.Actors;
using BriefingBot.Tests.Storage;

namespace BriefingBot.Tests.Articles;

/// <summary><c>/article show</c> over a real SQLite store: stored analysis when there is one, on-demand otherwise.</summary>
public sealed class ArticleShowCommandTests : IDisposable
{
    private const string DeploymentText =
        "Pyongyang is considering sending soldiers to Russia, citing unnamed intelligence sources. " +
        "Officials in Seoul said the border stayed quiet on Monday. The ministry published its weekly report.";

    private readonly TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Execute_AnalysedArticle_ShowsTheStoredAnalysis()
    {
        await using var harness = await OpenAsync();
        var added = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);
        var atlantis = new Actor("atlantis", "Atlantis", ActorKind.State);
        var stored = new DevelopmentAnalysis(
            [new Hedge(0, 88, [new HedgeCue("is considering", 10, 14, HedgeKind.Intention, 0.6)], 0.6)],
            [new ActorMention(0, 9, "Pyongyang", atlantis, ActorKind.State, 0.9, "alias")],
            [new ReportedDevelopment(0, 88, "Atlantis may send soldiers", [atlantis], ["is considering"], 0.6, [], null,
                "Will Atlantis send soldiers by 1 September 2026?", new DateOnly(2026, 9, 1))]);
        await harness.Analysis.SaveAsync(added.ArticleId, stored, Ct);

        var reply = await ShowAsync(harness, added.ArticleId);

        var fields = reply.Sections[0].Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("Atlantis (1)", fields["Actors"]);
        Assert.Equal("stored; 1 hedged sentence", fields["Analysis"]);
        Assert.Contains("Atlantis may send soldiers", reply.Sections.Single(s => s.Title == "Reported developments").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_NotYetAnalysed_AnalysesOnDemand()
    {
        await using var harness = await OpenAsync();
        var added = await harness.Articles.AddAsync(TestArticles.Create("Troops for Russia", DeploymentText), Ct);

        var reply = await ShowAsync(harness, added.ArticleId);

        var fields = reply.Sections[0].Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Contains("North Korea", fields["Actors"], StringComparison.Ordinal);
        Assert.StartsWith("computed now", fields["Analysis"], StringComparison.Ordinal);
        Assert.Contains("North Korea may send troops to Russia", reply.Sections.Single(s => s.Title == "Reported developments").Body, StringComparison.Ordinal);
        Assert.Null(await harness.Analysis.GetAnalysisAsync(added.ArticleId, Ct));
    }

    [Fact]
    public async Task Execute_UnknownId_AnswersWithAnError()
    {
        await using var harness = await OpenAsync();

        var reply = await ShowAsync(harness, 999);

        Assert.True(reply.IsError);
    }

    public void Dispose() => folder.Dispose();

    private static async Task<ChatReply> ShowAsync(StorageHarness harness, long id)
    {
        var command = new ArticleShowCommand(harness.Articles, harness.Analysis, new ExtractiveSummarizer(), new DevelopmentExtractor(TestCatalog.Recognizer));
        var options = CommandDispatcher.Bind(command.Definition, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Options!;
        return await command.ExecuteAsync(new CommandInvocation(command.Definition, options, CommandContext.Shell("t")), Ct);
    }

    private Task<StorageHarness> OpenAsync() =>
        StorageHarness.StartAsync(new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "bot.db") }, Ct);
}
