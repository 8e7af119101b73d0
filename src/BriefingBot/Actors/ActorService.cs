using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Polls;
using Microsoft.Extensions.Options;

namespace BriefingBot.Actors;

/// <summary>
/// Actor cards and rankings from the directory (names) and the store (counts, articles), plus developments and polls,
/// each as one <see cref="ActorScope"/> sees them: a workspace sees the shared articles and its own, the developments
/// they report, and the polls of its own channels.
/// </summary>
public sealed class ActorService(
    ActorDirectory directory,
    IActorStore store,
    IOptions<ActorsOptions> options,
    TimeProvider time,
    IDevelopmentStore developments,
    IPollStore polls,
    IArticleStore articles,
    ChannelWorkspaces workspaces)
{
    private const int Week = 7;
    private const int Month = 30;

    // Developments of other workspaces' articles are dropped after reading: read a few times more than are shown.
    private const int Overfetch = 4;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The actor written <paramref name="name"/> (name, alias, demonym or taught alias), or null.</summary>
    public ActorMatch? Find(string name) => directory.Find(name);

    /// <summary>The card of the actor written <paramref name="name"/>, or null when no actor is written that way.</summary>
    public async Task<ActorCard?> GetCardAsync(string name, ActorScope scope, CancellationToken cancellationToken)
    {
        var match = directory.Find(name);
        return match is null ? null : await GetCardAsync(match, scope, cancellationToken);
    }

    public async Task<ActorCard> GetCardAsync(ActorMatch match, ActorScope scope, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var actorId = match.Actor.Id;
        var today = Today;
        var span = Math.Max(2 * Month, settings.ChartDays);
        var tenant = scope.Tenant;
        var days = await store.GetDaysAsync(actorId, today.AddDays(1 - span), today, tenant, cancellationToken);
        var co = await store.GetCoMentionsAsync(actorId, settings.CoMentions, tenant, cancellationToken);
        var latest = await store.GetLatestArticlesAsync(actorId, settings.LatestArticles, tenant, cancellationToken);
        var reported = await DevelopmentsAsync(actorId, tenant, settings.LatestDevelopments, cancellationToken);
        var open = await OpenPollsAsync(actorId, reported, scope, cancellationToken);
        var taught = directory.TaughtAliases.Where(a => string.Equals(a.ActorId, actorId, StringComparison.OrdinalIgnoreCase)).Select(a => a.Alias).ToList();
        return new ActorCard(
            match,
            taught,
            Count(days, today, Week),
            Count(days, today, Month),
            today.AddDays(1 - settings.ChartDays),
            today,
            days,
            [.. co.Select(c => (Actor: directory.FindById(c.ActorId), c.Articles)).Where(c => c.Actor is not null).Select(c => (c.Actor!, c.Articles))],
            reported,
            latest,
            open);
    }

    /// <summary>
    /// The open polls of the scope's workspace (its platform, a channel seen in it) that name the actor or poll one of
    /// its developments. Few are open at once, so all are read.
    /// </summary>
    public async Task<IReadOnlyList<ActorPoll>> OpenPollsAsync(
        string actorId, IReadOnlyList<StoredDevelopment> reported, ActorScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var developmentIds = reported.Select(d => d.Id).ToHashSet();
        var found = new List<ActorPoll>();
        foreach (var poll in (await polls.ListUnclosedAsync(cancellationToken)).OrderBy(p => p.ClosesAt))
        {
            if (found.Count < options.Value.LatestDevelopments && poll.IsOpenAt(now)
                && (poll.ActorIds.Contains(actorId, StringComparer.OrdinalIgnoreCase) || (poll.DevelopmentId is { } d && developmentIds.Contains(d)))
                && await InScopeAsync(poll, scope, cancellationToken))
            {
                found.Add(new ActorPoll(poll.Id, poll.Question, poll.DevelopmentId, poll.ClosesAt));
            }
        }

        return found;
    }

    /// <summary>Whether the poll was posted in the scope's workspace (the operator sees every poll).</summary>
    public async Task<bool> InScopeAsync(Poll poll, ActorScope scope, CancellationToken cancellationToken) =>
        scope.Everything
        || (poll.Platform == scope.Platform && await workspaces.WorkspaceOfAsync(poll.Platform, poll.ChannelId, cancellationToken) == scope.WorkspaceId);

    /// <summary>The actor's latest developments reported by an article the tenant sees, counted over those articles only.</summary>
    private async Task<IReadOnlyList<StoredDevelopment>> DevelopmentsAsync(string actorId, string? tenant, int limit, CancellationToken cancellationToken)
    {
        if (tenant is null)
        {
            return await developments.ListForActorAsync(actorId, limit, cancellationToken);
        }

        var listed = await developments.ListForActorAsync(actorId, limit * Overfetch, cancellationToken);
        return [.. (await articles.VisibleAsync(listed, tenant, cancellationToken)).Take(limit)];
    }

    /// <summary>Actors named like <paramref name="name"/>, for "no actor found".</summary>
    public IReadOnlyList<ActorMatch> Closest(string name, int limit) => directory.Closest(name, limit);

    public IReadOnlyList<ActorMatch> Suggest(string partial, int limit) => directory.Suggest(partial, limit);

    /// <summary>The most mentioned actors over the last <paramref name="days"/> days (today included), with the period before.</summary>
    public async Task<IReadOnlyList<TopActor>> GetTopAsync(int days, ActorScope scope, CancellationToken cancellationToken)
    {
        var today = Today;
        var top = await store.GetTopAsync(today.AddDays(1 - days), today, options.Value.TopCount, scope.Tenant, cancellationToken);
        return [.. top.Select(t => (Actor: directory.FindById(t.ActorId), t)).Where(t => t.Actor is not null)
            .Select(t => new TopActor(t.Actor!, t.t.Mentions, t.t.PreviousMentions))];
    }

    internal static PeriodCount Count(IReadOnlyList<ActorDay> days, DateOnly today, int length)
    {
        var from = today.AddDays(1 - length);
        var previousFrom = from.AddDays(-length);
        var current = days.Where(d => d.Day >= from && d.Day <= today).ToList();
        var previous = days.Where(d => d.Day >= previousFrom && d.Day < from).Sum(d => (long)d.Mentions);
        return new PeriodCount(length, current.Sum(d => (long)d.Mentions), current.Sum(d => (long)d.Articles), previous);
    }
}
