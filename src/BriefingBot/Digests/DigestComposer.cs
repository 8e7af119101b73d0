using BriefingBot.Analysis;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;

namespace BriefingBot.Digests;

/// <summary>
/// Composes a channel's digest: the stories with articles stored since its last digest and not yet sent there, ranked
/// (<see cref="DigestRanker"/>), each summarised across its sources with its actors, source links and reported
/// developments, laid out within the platform's limits (<see cref="DigestLayout"/>, <see cref="DigestBudgets"/>).
/// A story already sent to the channel that has gained sources since comes back as an update of that story (what is
/// new, the new sources), ranked with the rest; one whose new articles add no source stays out.
/// </summary>
public sealed partial class DigestComposer(
    IDigestSource source,
    IArticleStore articles,
    IDevelopmentStore developments,
    ISummarizer summarizer,
    ActorCatalog catalog,
    IEnumerable<IChatPlatform> platforms,
    ILogger<DigestComposer> logger,
    Web.WebLinks? links = null) : IDigestComposer
{
    /// <summary>A channel's first digest looks back this far.</summary>
    public static readonly TimeSpan FirstDigestLookBack = TimeSpan.FromDays(1);

    public async Task<DigestContent> ComposeAsync(DigestRequest request, CancellationToken cancellationToken)
    {
        var zone = Zone(request.TimeZoneId);
        var since = request.Since ?? request.FireTime - FirstDigestLookBack;
        var filter = DigestFilter.Resolve(request.Filter, catalog);
        var rows = await source.ListStoriesStoredSinceAsync(since, filter?.Keyword, cancellationToken);
        if (request.Tenant is { } tenant)
        {
            var visible = await articles.VisibleToAsync([.. rows.Select(r => r.Id)], tenant, cancellationToken);
            rows = [.. rows.Where(r => visible.Contains(r.Id))];
        }
        var stories = rows.GroupBy(r => r.StoryId)
            .Where(g => !request.SentStoryIds.Contains(g.Key) || NewSources(g).Count > 0)
            .Select(g => (IReadOnlyList<DigestArticle>)[.. g])
            .ToList();
        var mentions = await source.CountActorMentionsAsync([.. stories.SelectMany(s => s).Select(a => a.Id)], cancellationToken);
        var ranked = DigestRanker.Rank(stories, mentions, filter, request.FireTime);
        var chosen = ranked.Take(Math.Clamp(request.MaxItems, 1, DigestBudgets.MaxItems)).ToList();
        if (chosen.Count == 0)
        {
            return new DigestContent([ChatReply.Message(DigestLayout.NothingNew(since, zone, filter))], []);
        }

        var reported = await DevelopmentsByStoryAsync(chosen, cancellationToken);
        var items = new List<DigestItem>(chosen.Count);
        foreach (var story in chosen)
        {
            items.Add(await ItemAsync(story, reported.GetValueOrDefault(story.StoryId) ?? [], request.SentStoryIds.Contains(story.StoryId), cancellationToken));
        }

        LogComposed(logger, request.Platform, request.ChannelId, items.Count, ranked.Count);
        var header = DigestLayout.Header(request.FireTime, zone, filter, items, ranked.Count);
        return new DigestContent(DigestLayout.Messages(header, items, DigestBudgets.For(ChatLimits.For(platforms, request.Platform)), Pages(request.ChannelId)), [.. items.Select(i => i.StoryId)]);
    }

    private DigestPages Pages(string channelId) =>
        links is null ? DigestPages.None : new DigestPages(links.Digests(channelId), links.Story);

    /// <summary>
    /// Sources of the story's new articles that none of its older articles had. A sent story without older articles
    /// was sent with what is "new" here (the same window), so it has nothing to add.
    /// </summary>
    private static List<string> NewSources(IEnumerable<DigestArticle> story)
    {
        var articles = story.ToList();
        var known = articles.Where(a => !a.IsNew).Select(a => a.Source).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (known.Count == 0)
        {
            return [];
        }

        return [.. articles.Where(a => a.IsNew).Select(a => a.Source).Distinct(StringComparer.OrdinalIgnoreCase).Where(s => !known.Contains(s))];
    }

    private async Task<DigestItem> ItemAsync(RankedStory story, List<StoredDevelopment> reported, bool sentBefore, CancellationToken cancellationToken)
    {
        var newestFirst = story.Articles.OrderByDescending(a => a.IsNew).ThenBy(a => a.Id).ToList();
        var headline = DigestText.Shorten(
            DigestText.Inert(Articles.Stories.StoryInfo.CentralTitle([.. story.Articles.Select(a => a.Title)])), DigestBudgets.MaxHeadlineCharacters);

        // An update summarises what is new: the new articles only.
        var summarised = sentBefore ? newestFirst.Where(a => a.IsNew) : newestFirst;
        var summary = await SummaryAsync(summarised.Take(DigestBudgets.MaxSummarySources).ToList(), cancellationToken);
        var sources = story.Articles
            .Select(a => (a.Source, Url: DigestText.SafeUrl(a.Url)))
            .Where(a => a.Url is not null)
            .DistinctBy(a => a.Source, StringComparer.OrdinalIgnoreCase)
            .Take(DigestBudgets.MaxSourceLinks)
            .Select(a => new DigestSourceLink(DigestText.Inert(a.Source), a.Url!))
            .ToList();
        var shown = reported.Take(DigestBudgets.MaxDevelopments)
            .Select(d => new DigestDevelopment(d.Id, DigestText.Shorten(DigestText.Inert(d.Development.Claim), DigestBudgets.MaxClaimCharacters), d.Corroboration, d.Development.Pollable))
            .ToList();
        return new DigestItem(
            story.StoryId,
            headline,
            DigestText.Shorten(DigestText.Inert(summary), DigestBudgets.MaxSummaryCharacters),
            story.SourceCount,
            [.. story.Actors.Take(DigestBudgets.MaxActors).Select(a => DigestText.Inert(a.Name))],
            sources,
            shown,
            reported.Count - shown.Count)
        {
            SourceNames = [.. story.Articles.OrderBy(a => a.PublishedAt ?? a.StoredAt).ThenBy(a => a.Id).Select(a => DigestText.Inert(a.Source)).Distinct(StringComparer.OrdinalIgnoreCase)],
            IsUpdate = sentBefore,
            NewSources = sentBefore ? [.. NewSources(story.Articles).Select(DigestText.Inert)] : [],
        };
    }

    private async Task<string> SummaryAsync(List<DigestArticle> summarised, CancellationToken cancellationToken)
    {
        var texts = new List<Article>(summarised.Count);
        foreach (var row in summarised)
        {
            if (await articles.GetAsync(row.Id, cancellationToken) is { } article)
            {
                texts.Add(article);
            }
        }

        if (texts.Count == 0)
        {
            return string.Empty;
        }

        if (texts.Count == 1)
        {
            var single = await summarizer.SummarizeAsync(texts[0].Title, texts[0].Text, DigestBudgets.SummarySentences, cancellationToken);
            return single.Sentences.Count > 0 ? single.Text : ArticleText.Opening(texts[0].Text, DigestBudgets.MaxSummaryCharacters);
        }

        var set = await summarizer.SummarizeSetAsync(
            [.. texts.Select(t => new SetDocument(t.Id, t.Title, t.Text))], DigestBudgets.SummarySentences, cancellationToken);
        return set.Sentences.Count > 0 ? set.Text : ArticleText.Opening(texts[0].Text, DigestBudgets.MaxSummaryCharacters);
    }

    /// <summary>Each development goes to the highest-ranked chosen story that has an article reporting it.</summary>
    private async Task<Dictionary<long, List<StoredDevelopment>>> DevelopmentsByStoryAsync(
        List<RankedStory> chosen, CancellationToken cancellationToken)
    {
        var storyOfArticle = new Dictionary<long, (int Rank, long StoryId)>();
        for (var rank = 0; rank < chosen.Count; rank++)
        {
            foreach (var article in chosen[rank].Articles)
            {
                storyOfArticle[article.Id] = (rank, chosen[rank].StoryId);
            }
        }

        var found = await developments.ListForArticlesAsync(storyOfArticle.Keys, cancellationToken);
        var byStory = new Dictionary<long, List<StoredDevelopment>>();
        foreach (var development in found)
        {
            var owners = development.ArticleIds.Where(storyOfArticle.ContainsKey).Select(id => storyOfArticle[id]).ToList();
            if (owners.Count == 0)
            {
                continue;
            }

            var owner = owners.MinBy(o => o.Rank).StoryId;
            if (!byStory.TryGetValue(owner, out var list))
            {
                byStory[owner] = list = [];
            }

            list.Add(development);
        }

        return byStory;
    }

    private static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    [LoggerMessage(Level = LogLevel.Information, Message = "Composed a {Platform} digest for channel {ChannelId}: {Items} of {Stories} new stories")]
    private static partial void LogComposed(ILogger logger, string platform, string channelId, int items, int stories);
}
