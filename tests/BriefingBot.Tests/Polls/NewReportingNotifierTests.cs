using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Polls;
using BriefingBot.Storage;
using BriefingBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace BriefingBot.Tests.Polls;

/// <summary>"New reporting" notes in a poll's thread, over a real SQLite store.</summary>
public sealed class NewReportingNotifierTests : IDisposable
{
    private static readonly Actor NorthKorea = new("north-korea", "North Korea", ActorKind.State);
    private static readonly Actor Russia = new("russia", "Russia", ActorKind.State);
    private readonly Storage.TempFolder folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ArticleAnalyzedAsync_ArticlesAboutOpenPoll_OpensThreadOnceThenRepliesAndNeverRepeats()
    {
        await using var harness = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "bot.db") }, Ct);
        var polls = harness.Services.GetRequiredService<IPollStore>();
        var pollMessage = new MessageRef("slack", "C1", "100.1");
        var poll = await polls.CreateAsync(new NewPoll("slack", "C1", "U1", "Ana", "Will North Korea send troops to Russia?", 5,
            ["north-korea", "russia"], harness.Time.GetUtcNow(), harness.Time.GetUtcNow().AddDays(7), new DateOnly(2026, 4, 1)), Ct);
        await polls.SetMessageAsync(poll.Id, pollMessage, Ct);
        var bothActors = await harness.Articles.AddAsync(TestArticles.Create("Troops head west", TestArticles.LongText(1)), Ct);
        var sameDevelopment = await harness.Articles.AddAsync(TestArticles.Create("Moscow prepares", TestArticles.LongText(2)), Ct);
        var unrelated = await harness.Articles.AddAsync(TestArticles.Create("Markets calm", TestArticles.LongText(3)), Ct);
        var platform = Substitute.For<IChatPlatform>();
        platform.Name.Returns("slack");
        var thread = new MessageRef("slack", "C1", "100.2");
        platform.OpenThreadAsync(Arg.Any<MessageRef>(), Arg.Any<string>(), Arg.Any<ChatReply>(), Arg.Any<CancellationToken>()).Returns(thread);
        var developments = new Developments(new Dictionary<long, long[]> { [sameDevelopment.ArticleId] = [5] });
        var notifier = new NewReportingNotifier(polls, harness.Articles, [platform], developments, harness.Time, NullLogger<NewReportingNotifier>.Instance,
            Workspaces(harness));

        await notifier.ArticleAnalyzedAsync(bothActors.ArticleId, Analysis(NorthKorea, Russia), Ct);
        await notifier.ArticleAnalyzedAsync(bothActors.ArticleId, Analysis(NorthKorea, Russia), Ct);
        await notifier.ArticleAnalyzedAsync(sameDevelopment.ArticleId, Analysis(Russia), Ct);
        await notifier.ArticleAnalyzedAsync(unrelated.ArticleId, Analysis(Russia), Ct);

        await platform.Received(1).OpenThreadAsync(pollMessage, Arg.Any<string>(),
            Arg.Is<ChatReply>(r => r.Text!.Contains("Troops head west", StringComparison.Ordinal) && r.Links.Count == 1), Arg.Any<CancellationToken>());
        await platform.Received(1).ReplyInThreadAsync(pollMessage, thread,
            Arg.Is<ChatReply>(r => r.Text!.Contains("Moscow prepares", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
        Assert.Equal(2, platform.ReceivedCalls().Count(c => c.GetMethodInfo().Name is "OpenThreadAsync" or "ReplyInThreadAsync"));
        Assert.Equal(thread, (await polls.GetAsync(poll.Id, Ct))!.Thread);
    }

    [Fact]
    public async Task ArticleAnalyzedAsync_PollClosed_PostsNothing()
    {
        await using var harness = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "closed.db") }, Ct);
        var polls = harness.Services.GetRequiredService<IPollStore>();
        var poll = await polls.CreateAsync(new NewPoll("slack", "C1", "U1", "Ana", "Will it?", null,
            ["russia"], harness.Time.GetUtcNow(), harness.Time.GetUtcNow().AddDays(7), new DateOnly(2026, 4, 1)), Ct);
        await polls.SetMessageAsync(poll.Id, new MessageRef("slack", "C1", "100.1"), Ct);
        await polls.TryCloseAsync(poll.Id, harness.Time.GetUtcNow(), Ct);
        var article = await harness.Articles.AddAsync(TestArticles.Create("Moscow", TestArticles.LongText(4)), Ct);
        var platform = Substitute.For<IChatPlatform>();
        platform.Name.Returns("slack");
        var notifier = new NewReportingNotifier(polls, harness.Articles, [platform], new Developments(new Dictionary<long, long[]>()), harness.Time,
            NullLogger<NewReportingNotifier>.Instance, Workspaces(harness));

        await notifier.ArticleAnalyzedAsync(article.ArticleId, Analysis(Russia), Ct);

        Assert.DoesNotContain(platform.ReceivedCalls(), c => c.GetMethodInfo().Name is "OpenThreadAsync" or "ReplyInThreadAsync");
    }

    [Fact]
    public async Task ArticleAnalyzedAsync_AnotherWorkspacesPrivateArticle_NotNotedInThisWorkspacesPoll()
    {
        await using var harness = await StorageHarness.StartAsync(
            new Dictionary<string, string?> { ["Provider"] = "Sqlite", ["SqlitePath"] = Path.Combine(folder.Path, "tenants.db") }, Ct);
        var polls = harness.Services.GetRequiredService<IPollStore>();
        var poll = await polls.CreateAsync(new NewPoll("slack", "C1", "U1", "Ana", "Will it?", null,
            ["russia"], harness.Time.GetUtcNow(), harness.Time.GetUtcNow().AddDays(7), new DateOnly(2026, 4, 1)), Ct);
        await polls.SetMessageAsync(poll.Id, new MessageRef("slack", "C1", "100.1"), Ct);
        var workspaces = Workspaces(harness);
        await workspaces.LearnAsync(new CommandContext("slack", "C1", "U1", "Ana", IsAdmin: false, IsOperator: false, WorkspaceId: "T1"), Ct);
        var theirs = await harness.Articles.AddAsync(TestArticles.Create("Their tip", TestArticles.LongText(5)) with { Tenant = "slack:T2" }, Ct);
        var ours = await harness.Articles.AddAsync(TestArticles.Create("Our tip", TestArticles.LongText(6)) with { Tenant = "slack:T1" }, Ct);
        var platform = Substitute.For<IChatPlatform>();
        platform.Name.Returns("slack");
        platform.OpenThreadAsync(Arg.Any<MessageRef>(), Arg.Any<string>(), Arg.Any<ChatReply>(), Arg.Any<CancellationToken>()).Returns(new MessageRef("slack", "C1", "100.2"));
        var notifier = new NewReportingNotifier(polls, harness.Articles, [platform], new Developments(new Dictionary<long, long[]>()), harness.Time,
            NullLogger<NewReportingNotifier>.Instance, workspaces);

        await notifier.ArticleAnalyzedAsync(theirs.ArticleId, Analysis(Russia), Ct);
        await notifier.ArticleAnalyzedAsync(ours.ArticleId, Analysis(Russia), Ct);

        await platform.Received(1).OpenThreadAsync(Arg.Any<MessageRef>(), Arg.Any<string>(),
            Arg.Is<ChatReply>(r => r.Text!.Contains("Our tip", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
        Assert.DoesNotContain(platform.ReceivedCalls(), c => c.GetArguments().OfType<ChatReply>().Any(r => r.Text!.Contains("Their tip", StringComparison.Ordinal)));
    }

    private static ChannelWorkspaces Workspaces(StorageHarness harness) => new(harness.Services.GetRequiredService<IMetadataStore>());

    private static DevelopmentAnalysis Analysis(params Actor[] actors) =>
        new([], [.. actors.Select((a, i) => new ActorMention(i * 10, 5, a.Name, a, a.Kind, 1, "name"))], []);

    /// <summary>A hand-written development store: which development ids each article reports.</summary>
    private sealed class Developments(IReadOnlyDictionary<long, long[]> byArticle) : IDevelopmentStore
    {
        public Task<StoredDevelopment?> GetAsync(long id, CancellationToken cancellationToken) => Task.FromResult<StoredDevelopment?>(null);

        public Task<IReadOnlyList<StoredDevelopment>> ListOpenAsync(DateOnly today, string? search, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredDevelopment>>([]);

        public Task<IReadOnlyList<StoredDevelopment>> ListForArticlesAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredDevelopment>>([.. articleIds.SelectMany(a => byArticle.GetValueOrDefault(a, [])).Select(Stored)]);

        public Task<IReadOnlyList<StoredDevelopment>> ListForActorAsync(string actorId, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredDevelopment>>([]);

        private static StoredDevelopment Stored(long id) => new(id,
            new ReportedDevelopment(0, 1, "claim", [], [], 0.5, [], null, "Will it?", new DateOnly(2026, 4, 1)), [], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
    }
}
