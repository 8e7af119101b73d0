using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;

namespace BriefingBot.Follows;

/// <summary>
/// After an article's analysis is stored, queues one alert per (follow, story) for every active follow it matches: an
/// actor follow when the article mentions the actor, a keyword follow when its title or text holds the keyword as whole
/// words. Only articles stored after the follow was made count (a re-analysis of old articles alerts nobody), and a story
/// already queued for that follow is not queued again, however many articles join it later.
/// </summary>
public sealed partial class FollowMatcher(
    IFollowStore store,
    IArticleStore articles,
    IDevelopmentStore developments,
    TimeProvider time,
    ILogger<FollowMatcher> logger) : IArticleAnalyzedListener
{
    public async Task ArticleAnalyzedAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken)
    {
        var follows = await store.ListActiveAsync(cancellationToken);
        if (follows.Count == 0 || await articles.GetAsync(articleId, cancellationToken) is not { } article)
        {
            return;
        }

        var actors = analysis.Mentions.Where(m => m.Actor is not null).Select(m => m.Actor!.Id)
            .Concat(analysis.Developments.SelectMany(d => d.Actors.Select(a => a.Id)))
            .ToHashSet(StringComparer.Ordinal);
        var text = article.Title + "\n" + article.Text;
        var matching = follows.Where(f => f.CreatedAt <= article.FetchedAt && Matches(f.Target, actors, text)).ToList();
        if (matching.Count == 0)
        {
            return;
        }

        var reported = await developments.ListForArticlesAsync([articleId], cancellationToken);
        var now = time.GetUtcNow();
        foreach (var follow in matching)
        {
            var about = reported.Where(d => follow.Target.Kind == FollowTargetKind.Actor
                    ? d.Development.Actors.Any(a => a.Id == follow.Target.Key)
                    : FollowTargets.Contains(d.Development.Claim, follow.Target.Key))
                .Select(d => d.Id).ToList();
            if (await store.QueueAlertAsync(new FollowAlert(follow.Id, article.StoryId, articleId, about, now), cancellationToken))
            {
                LogQueued(follow.Id, article.StoryId, articleId);
            }
        }
    }

    private static bool Matches(FollowTarget target, HashSet<string> actors, string text) => target.Kind == FollowTargetKind.Actor
        ? actors.Contains(target.Key)
        : FollowTargets.Contains(text, target.Key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow {FollowId}: story {StoryId} queued (article {ArticleId})")]
    private partial void LogQueued(long followId, long storyId, long articleId);
}
