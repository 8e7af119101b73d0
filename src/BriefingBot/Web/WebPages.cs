using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using BriefingBot.Actors;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Digests;
using BriefingBot.Polls;
using Microsoft.Extensions.Options;

namespace BriefingBot.Web;

/// <summary>
/// What each page shows, read for one session. Digests, polls and forecasts belong to channels, and a session sees only
/// the channels of its own workspace (null means "not found", whatever the reason). Articles, stories and actors are
/// shared by every workspace today, as in chat (<c>/article show</c> and <c>/actor</c> answer anyone).
/// </summary>
public sealed partial class WebPages(
    IWebStore store,
    IPollStore polls,
    IArticleStore articles,
    IDigestSource digestSource,
    IDevelopmentStore developments,
    ISummarizer summarizer,
    ActorService actors,
    ActorDirectory directory,
    IActorStore actorStore,
    IOptions<WebOptions> options,
    IOptions<PollsOptions> pollOptions,
    TimeProvider time,
    IDigestStore digestStore,
    ChannelWorkspaces workspaces)
{
    public static readonly IReadOnlyList<int> Ranges = [7, 30, 90, 180, 365];
    private const int SummarySources = 6;
    private const int PollScan = 500;

    private int PageSize => options.Value.PageSize;

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<HomeModel> HomeAsync(WebSession viewer, CancellationToken cancellationToken)
    {
        var channels = await ChannelsAsync(viewer, cancellationToken);
        var workspacePolls = await WorkspacePollsAsync(viewer, cancellationToken);
        var lines = new List<ChannelLine>();
        foreach (var channel in channels)
        {
            lines.Add(new ChannelLine(channel, await store.CountDigestsAsync(viewer.Platform, channel, cancellationToken),
                workspacePolls.Count(p => p.ChannelId == channel)));
        }

        var top = await actors.GetTopAsync(30, Scope(viewer), cancellationToken);
        return new HomeModel(viewer, lines, [.. workspacePolls.Take(20).Select(Line)], [.. top.Take(10).Select(t => new ActorLine(t.Actor.Id, t.Actor.Name, t.Mentions))]);
    }

    public async Task<DigestArchiveModel?> DigestsAsync(WebSession viewer, string channelId, int page, CancellationToken cancellationToken)
    {
        if (!await InWorkspaceAsync(viewer.Platform, channelId, viewer.WorkspaceId, cancellationToken))
        {
            return null;
        }

        var total = await store.CountDigestsAsync(viewer.Platform, channelId, cancellationToken);
        var paging = Page(page, total);
        var runs = await store.ListDigestsAsync(viewer.Platform, channelId, PageSize, (paging.Page - 1) * PageSize, cancellationToken);
        return new DigestArchiveModel(viewer, channelId, [.. runs.Select(Digest)], paging, total);
    }

    public async Task<StoryModel?> StoryAsync(WebSession viewer, long storyId, CancellationToken cancellationToken)
    {
        var all = await articles.ListStoryAsync(storyId, cancellationToken);
        var visible = all.Count == 0 ? new HashSet<long>() : await articles.VisibleToAsync([.. all.Select(s => s.Id)], Scope(viewer).Tenant!, cancellationToken);
        var sources = all.Where(s => visible.Contains(s.Id)).ToList();
        if (sources.Count == 0)
        {
            return null; // no such story, or only other workspaces' chat additions
        }

        var texts = new List<SetDocument>();
        foreach (var source in sources.Take(SummarySources))
        {
            if (await articles.GetAsync(source.Id, cancellationToken) is { } article)
            {
                texts.Add(new SetDocument(article.Id, article.Title, article.Text));
            }
        }

        var summary = texts.Count == 0 ? string.Empty : (await summarizer.SummarizeSetAsync(texts, 3, cancellationToken)).Text;
        if (summary.Length == 0 && texts.Count > 0)
        {
            summary = ArticleText.Opening(texts[0].Text, 600);
        }

        var ids = sources.Select(s => s.Id).ToList();
        var mentions = await digestSource.CountActorMentionsAsync(ids, cancellationToken);
        var named = mentions.GroupBy(m => m.ActorId)
            .Select(g => new ActorLine(g.Key, g.First().ActorName, g.Sum(m => m.Mentions)))
            .OrderByDescending(a => a.Mentions).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var reported = await developments.ListForArticlesAsync(ids, cancellationToken);
        var workspacePolls = await WorkspacePollsAsync(viewer, cancellationToken);
        return new StoryModel(
            viewer,
            storyId,
            sources[0].Title,
            [.. sources.Select(s => new SourceView(s.Id, s.Title, s.Source, DigestText.SafeUrl(s.Url), s.PublishedAt ?? s.FetchedAt, s.PublishedAt is not null))],
            summary,
            named,
            [.. reported.Select(d => Development(d, workspacePolls))],
            Today);
    }

    public async Task<ActorModel?> ActorAsync(WebSession viewer, string actorId, int rangeDays, int page, CancellationToken cancellationToken)
    {
        if (directory.FindById(actorId) is not { } actor)
        {
            return null;
        }

        var range = Ranges.Contains(rangeDays) ? rangeDays : 30;
        var card = await actors.GetCardAsync(new ActorMatch(actor, MatchVia.Id, actor.Name), Scope(viewer), cancellationToken);
        var today = Today;
        var from = today.AddDays(1 - range);
        var days = await actorStore.GetDaysAsync(actor.Id, from, today, Scope(viewer).Tenant, cancellationToken);
        var chart = new WebChart(ActorChart.RenderSvg(actor.Name, from, today, days, 900, 360), ActorChart.AltText(actor.Name, from, today, days));

        var requested = Math.Max(1, page);
        var latest = await actorStore.GetLatestArticlesAsync(actor.Id, (requested * PageSize) + 1, Scope(viewer).Tenant, cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(latest.Count / (double)PageSize));
        var paging = new Paging(Math.Min(requested, pageCount), latest.Count > requested * PageSize ? pageCount + 1 : pageCount);
        var stories = new List<ArticleLine>();
        foreach (var line in latest.Skip((paging.Page - 1) * PageSize).Take(PageSize))
        {
            var stored = await articles.GetAsync(line.Id, cancellationToken);
            stories.Add(new ArticleLine(line.Id, stored?.StoryId, line.Title, line.Source, DigestText.SafeUrl(line.Url), line.Day));
        }

        var workspacePolls = await WorkspacePollsAsync(viewer, cancellationToken);
        var developmentIds = card.Developments.Select(d => d.Id).ToHashSet();
        var about = workspacePolls
            .Where(p => p.ActorIds.Contains(actor.Id, StringComparer.OrdinalIgnoreCase) || (p.DevelopmentId is { } d && developmentIds.Contains(d)))
            .Select(Line)
            .ToList();
        return new ActorModel(
            viewer,
            actor.Id,
            actor.Name,
            actor.Kind.ToString(),
            actor.Description,
            actor.Code,
            [.. actor.Aliases.Concat(card.TaughtAliases).Distinct(StringComparer.OrdinalIgnoreCase)],
            card.Week.Mentions,
            card.Month.Mentions,
            card.Month.PreviousMentions,
            range,
            Ranges,
            chart,
            [.. card.CoMentions.Select(c => new ActorLine(c.Actor.Id, c.Actor.Name, c.Articles))],
            [.. card.Developments.Select(d => Development(d, workspacePolls))],
            about,
            stories,
            paging,
            today);
    }

    public async Task<PollModel?> PollAsync(WebSession viewer, long pollId, CancellationToken cancellationToken)
    {
        if (await polls.GetAsync(pollId, cancellationToken) is not { } poll || !await InWorkspaceAsync(viewer, poll, cancellationToken))
        {
            return null;
        }

        var claim = poll.DevelopmentId is { } developmentId ? (await developments.GetAsync(developmentId, cancellationToken))?.Development.Claim : null;
        var zone = pollOptions.Value.TimeZone;
        if (poll.ClosedAt is null)
        {
            // Votes stay hidden while the poll is open, as in chat: only how many voted.
            var count = await polls.CountVotesAsync(poll.Id, cancellationToken);
            return new PollModel(viewer, poll, "open", count, null, null, null, null, [], 0, claim, zone);
        }

        var votes = await polls.ListVotesAsync(poll.Id, cancellationToken);
        var result = PollResult.From(votes);
        var chart = result is null ? null : new WebChart(
            PollCharts.VotesSvg(result, $"Poll #{poll.Id}: votes per band"),
            $"Bar chart of {votes.Count} votes per likelihood band: " + string.Join(", ", ProbabilityBand.All
                .Where(b => result.CountByBand[b.Id] > 0)
                .Select(b => $"{b.Label} {result.CountByBand[b.Id]}")) + $"; median {Percent(result.MedianPercent)}.");
        if (poll.Outcome is not (PollOutcome.Yes or PollOutcome.No) || result is null)
        {
            return new PollModel(viewer, poll, poll.Outcome is null ? "closed" : "resolved", votes.Count, result, chart, null, null, [], 0, claim, zone);
        }

        var happened = poll.Outcome == PollOutcome.Yes;
        var sharing = await store.ListSharingAsync(viewer.Platform, viewer.WorkspaceId, cancellationToken);
        var scored = votes.Select(v => (Vote: v, Brier: Scoring.Brier(v.Probability / 100, happened))).ToList();
        var shown = scored.Where(s => s.Vote.UserId == viewer.UserId || sharing.Contains(s.Vote.UserId))
            .OrderBy(s => s.Brier).ThenBy(s => s.Vote.UserName, StringComparer.Ordinal)
            .Select(s => new VoterScore(s.Vote.UserName, s.Vote.Probability, s.Brier, s.Vote.UserId == viewer.UserId))
            .ToList();
        return new PollModel(viewer, poll, "resolved", votes.Count, result, chart,
            Scoring.Brier(result.MedianPercent / 100, happened), scored.Average(s => s.Brier), shown, scored.Count - shown.Count, claim, zone);
    }

    public async Task<ForecastsModel?> ForecastsAsync(WebSession viewer, string channelId, CancellationToken cancellationToken)
    {
        if (!await InWorkspaceAsync(viewer.Platform, channelId, viewer.WorkspaceId, cancellationToken))
        {
            return null;
        }

        var votes = await polls.ListScoredVotesAsync(viewer.Platform, channelId, cancellationToken);
        var minimum = pollOptions.Value.LeaderboardMinimum;
        var medians = Medians(votes);
        var rows = votes.GroupBy(v => v.Vote.UserId)
            .Select(g => (UserId: g.Key, Name: g.Last().Vote.UserName, Votes: g.ToList()))
            .Where(g => g.Votes.Count >= minimum)
            .Select(g => (g.UserId, g.Name, g.Votes.Count, Mean: MeanBrier(g.Votes), Team: TeamBrier(g.Votes, medians)))
            .OrderBy(r => r.Mean).ThenByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select((r, i) => new LeaderRow(i + 1, r.UserId, r.Name, r.Count, r.Mean, r.Mean - r.Team))
            .ToList();
        return new ForecastsModel(viewer, channelId, minimum, rows);
    }

    /// <summary>A person's record over the workspace's channels; null when they have no resolved forecast there.</summary>
    public async Task<ForecasterModel?> ForecasterAsync(WebSession viewer, string userId, CancellationToken cancellationToken)
    {
        var channels = (await ChannelsAsync(viewer, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var all = (await polls.ListScoredVotesAsync(viewer.Platform, null, cancellationToken)).Where(v => channels.Contains(v.ChannelId)).ToList();
        var mine = all.Where(v => v.Vote.UserId == userId).ToList();
        if (mine.Count == 0)
        {
            return null;
        }

        var name = mine[^1].Vote.UserName;
        var bins = Scoring.Calibration(mine.Select(v => (v.Vote.Probability / 100, v.Happened)));
        var alt = $"Calibration chart of {name}, {mine.Count} resolved forecasts: " + string.Join("; ", bins.Where(b => b.Count > 0).Select(b =>
            $"{Percent(b.From * 100)} to {Percent(b.To * 100)}: {b.Count} forecast(s), happened {Percent(b.ObservedFrequency!.Value * 100)}")) + ".";
        return new ForecasterModel(viewer, userId, name, mine.Count, MeanBrier(mine), TeamBrier(mine, Medians(all)), bins,
            new WebChart(PollCharts.CalibrationSvg(bins, $"Calibration of {name} ({mine.Count} resolved)"), alt));
    }

    private async Task<bool> InWorkspaceAsync(WebSession viewer, Poll poll, CancellationToken cancellationToken) =>
        poll.Platform == viewer.Platform && await InWorkspaceAsync(poll.Platform, poll.ChannelId, viewer.WorkspaceId, cancellationToken);

    private async Task<List<Poll>> WorkspacePollsAsync(WebSession viewer, CancellationToken cancellationToken)
    {
        var channels = await ChannelsAsync(viewer, cancellationToken);
        var ids = await store.ListPollIdsAsync(viewer.Platform, channels, PollScan, cancellationToken);
        var found = new List<Poll>(ids.Count);
        foreach (var id in ids)
        {
            if (await polls.GetAsync(id, cancellationToken) is { } poll)
            {
                found.Add(poll);
            }
        }

        return found;
    }

    private static ActorScope Scope(WebSession viewer) => new(viewer.Platform, viewer.WorkspaceId, Everything: false);

    /// <summary>
    /// The workspace's channels: those where someone used the bot, and digest channels from configuration that the
    /// platform places in this workspace (<see cref="ChannelWorkspaces"/>), which may never have seen a command.
    /// </summary>
    private async Task<IReadOnlyList<string>> ChannelsAsync(WebSession viewer, CancellationToken cancellationToken)
    {
        var channels = (await store.ListChannelsAsync(viewer.Platform, viewer.WorkspaceId, cancellationToken)).ToList();
        foreach (var subscription in await digestStore.ListSubscriptionsAsync(cancellationToken))
        {
            if (subscription.Platform == viewer.Platform && !channels.Contains(subscription.ChannelId, StringComparer.Ordinal)
                && await workspaces.WorkspaceOfAsync(subscription.Platform, subscription.ChannelId, cancellationToken) == viewer.WorkspaceId)
            {
                channels.Add(subscription.ChannelId);
            }
        }

        return channels;
    }

    private async Task<bool> InWorkspaceAsync(string platform, string channelId, string workspaceId, CancellationToken cancellationToken) =>
        await store.IsChannelInWorkspaceAsync(platform, channelId, workspaceId, cancellationToken)
        || await workspaces.WorkspaceOfAsync(platform, channelId, cancellationToken) == workspaceId;

    private PollLine Line(Poll poll) => new(poll.Id, poll.Question, State(poll), poll.ChannelId);

    private static string State(Poll poll) => poll.Outcome is { } outcome
        ? "resolved " + outcome.ToString().ToLowerInvariant()
        : poll.ClosedAt is null ? "open until " + poll.ClosesAt.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture) : "closed";

    private static DevelopmentView Development(StoredDevelopment d, List<Poll> workspacePolls) => new(
        d.Id, d.Development.Claim, d.Corroboration, d.Development.Question, d.Development.ResolveBy, d.LastReportedAt,
        [.. workspacePolls.Where(p => p.DevelopmentId == d.Id).Select(p => new PollLine(p.Id, p.Question, State(p), p.ChannelId))]);

    private Paging Page(int page, int total)
    {
        var count = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        return new Paging(Math.Clamp(page, 1, count), count);
    }

    private static DigestView Digest(ArchivedDigest run)
    {
        var texts = new List<string>();
        var sections = new List<DigestSectionView>();
        foreach (var payload in run.Payloads)
        {
            ChatReply? reply;
            try
            {
                reply = JsonSerializer.Deserialize(payload, DigestJson.Default.ChatReply);
            }
            catch (JsonException)
            {
                continue;
            }

            if (reply is null)
            {
                continue;
            }

            if (!string.IsNullOrWhiteSpace(reply.Text))
            {
                texts.Add(reply.Text);
            }

            foreach (var section in reply.Sections)
            {
                // Items are numbered "1. Headline" in the order of the run's stories.
                var number = ItemNumber().Match(section.Title);
                var index = number.Success ? int.Parse(number.Groups[1].Value, CultureInfo.InvariantCulture) - 1 : sections.Count;
                long? story = index >= 0 && index < run.StoryIds.Count ? run.StoryIds[index] : null;
                sections.Add(new DigestSectionView(section.Title, section.Body,
                    [.. section.Links.Select(l => (l.Label, Url: DigestText.SafeUrl(l.Url))).Where(l => l.Url is not null).Select(l => new LinkView(l.Label, l.Url!))],
                    story));
            }
        }

        return new DigestView(run.RunId, run.FireTime, run.SentAt, texts, sections);
    }

    private static Dictionary<long, double> Medians(IEnumerable<ScoredVote> votes) =>
        votes.GroupBy(v => v.Vote.PollId).ToDictionary(g => g.Key, g => Scoring.Median([.. g.Select(v => v.Vote.Probability)]));

    private static double MeanBrier(List<ScoredVote> votes) => votes.Average(v => Scoring.Brier(v.Vote.Probability / 100, v.Happened));

    private static double TeamBrier(List<ScoredVote> votes, Dictionary<long, double> medians) =>
        votes.Average(v => Scoring.Brier(medians[v.Vote.PollId] / 100, v.Happened));

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    [GeneratedRegex(@"^(\d+)\. ")]
    private static partial Regex ItemNumber();
}
