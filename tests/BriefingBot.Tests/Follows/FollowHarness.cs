using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat.Commands;
using BriefingBot.Follows;
using BriefingBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Follows;

/// <summary>
/// The follow pieces of a running bot host (its store, actors, analysis and chat platforms) on a fake clock: articles
/// are stored, analysed by the real extractor and handed to the real matcher, and each alert pass is run by the test.
/// </summary>
internal sealed class FollowHarness
{
    private readonly IServiceProvider services;

    public FollowHarness(IServiceProvider services)
    {
        this.services = services;
        // Ahead of the real clock, so follows made through the host's own commands (system time) are older than the articles.
        Time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        Follows = ActivatorUtilities.CreateInstance<FollowService>(services, Time);
        Matcher = ActivatorUtilities.CreateInstance<FollowMatcher>(services, Time);
        Alerter = ActivatorUtilities.CreateInstance<FollowAlerter>(services, Time);
    }

    public FakeTimeProvider Time { get; }

    public FollowService Follows { get; }

    public FollowMatcher Matcher { get; }

    public FollowAlerter Alerter { get; }

    public IFollowStore Store => services.GetRequiredService<IFollowStore>();

    /// <summary>
    /// A report about North Korea (through its capital, Pyongyang) with a hedged claim, and filler words of its own so
    /// that each seed is a different story; the same seed with <paramref name="edit"/> is a near-duplicate (same story).
    /// </summary>
    public static (string Title, string Text) NorthKoreaReport(int seed, string? title = null, bool edit = false)
    {
        var filler = TestArticles.LongText(seed, 160);
        if (edit)
        {
            filler = TestArticles.Edit(filler, 40);
        }

        var text = "Officials in Pyongyang said North Korea may send more troops to the border next week, according to state media. "
            + "Analysts said the move could raise tension in the region. " + filler;
        return (title ?? $"North Korea troops report {seed}", text);
    }

    public static (string Title, string Text) UnrelatedReport(int seed) =>
        ($"Harvest report {seed}", "Farmers in the valley said the harvest was late this year. " + TestArticles.LongText(seed + 1000, 160));

    /// <summary>Stores the article now (on the fake clock), analyses it and tells the matcher; returns (article, story).</summary>
    public async Task<(long ArticleId, long StoryId)> IngestAsync((string Title, string Text) report, CancellationToken cancellationToken, string? url = null)
    {
        var articles = services.GetRequiredService<IArticleStore>();
        var added = await articles.AddAsync(TestArticles.Create(report.Title, report.Text, url, fetched: Time.GetUtcNow()), cancellationToken);
        var article = (await articles.GetAsync(added.ArticleId, cancellationToken))!;
        var analysis = services.GetRequiredService<DevelopmentExtractor>().Analyze(article);
        await services.GetRequiredService<IAnalysisStore>().SaveAsync(article.Id, analysis, cancellationToken);
        await Matcher.ArticleAnalyzedAsync(article.Id, analysis, cancellationToken);
        return (added.ArticleId, added.StoryId);
    }

    public static CommandContext Discord(string user = "444444444444444444", bool admin = false) =>
        new("discord", "222222222222222222", user, "Ana", admin, IsOperator: false, "333333333333333333");

    public static CommandContext Slack(string user = "U1", bool admin = false) =>
        new("slack", "C1", user, "rainer", admin, IsOperator: false, "T1");
}
