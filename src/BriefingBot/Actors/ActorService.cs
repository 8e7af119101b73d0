using BriefingBot.Analysis.Developments;
using BriefingBot.Polls;
using Microsoft.Extensions.Options;

namespace BriefingBot.Actors;

/// <summary>Actor cards and rankings from the directory (names) and the store (counts, articles), plus developments.</summary>
public sealed class ActorService(
    ActorDirectory directory,
    IActorStore store,
    IOptions<ActorsOptions> options,
    TimeProvider time,
    IDevelopmentStore developments,
    IPollStore polls)
{
    private const int Week = 7;
    private const int Month = 30;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The actor written <paramref name="name"/> (name, alias, demonym or taught alias), or null.</summary>
    public ActorMatch? Find(string name) => directory.Find(name);

    /// <summary>The card of the actor written <paramref name="name"/>, or null when no actor is written that way.</summary>
    public async Task<ActorCard?> GetCardAsync(string name, CancellationToken cancellationToken)
    {
        var match = directory.Find(name);
        return match is null ? null : await GetCardAsync(match, cancellationToken);
    }

    public async Task<ActorCard> GetCardAsync(ActorMatch match, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var actorId = match.Actor.Id;
        var today = Today;
        var span = Math.Max(2 * Month, settings.ChartDays);
        var days = await store.GetDaysAsync(actorId, today.AddDays(1 - span), today, cancellationToken);
        var co = await store.GetCoMentionsAsync(actorId, settings.CoMentions, cancellationToken);
        var articles = await store.GetLatestArticlesAsync(actorId, settings.LatestArticles, cancellationToken);
        var reported = await developments.ListForActorAsync(actorId, settings.LatestDevelopments, cancellationToken);
        var open = await OpenPollsAsync(actorId, reported, cancellationToken);
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
            articles,
            open);
    }

    /// <summary>Open polls that name the actor or poll one of its developments (few are open at once, so all are read).</summary>
    private async Task<IReadOnlyList<ActorPoll>> OpenPollsAsync(string actorId, IReadOnlyList<StoredDevelopment> reported, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var developmentIds = reported.Select(d => d.Id).ToHashSet();
        var unclosed = await polls.ListUnclosedAsync(cancellationToken);
        return [.. unclosed
            .Where(p => p.IsOpenAt(now)
                && (p.ActorIds.Contains(actorId, StringComparer.OrdinalIgnoreCase) || (p.DevelopmentId is { } d && developmentIds.Contains(d))))
            .OrderBy(p => p.ClosesAt)
            .Take(options.Value.LatestDevelopments)
            .Select(p => new ActorPoll(p.Id, p.Question, p.DevelopmentId, p.ClosesAt))];
    }

    /// <summary>Actors named like <paramref name="name"/>, for "no actor found".</summary>
    public IReadOnlyList<ActorMatch> Closest(string name, int limit) => directory.Closest(name, limit);

    public IReadOnlyList<ActorMatch> Suggest(string partial, int limit) => directory.Suggest(partial, limit);

    /// <summary>The most mentioned actors over the last <paramref name="days"/> days (today included), with the period before.</summary>
    public async Task<IReadOnlyList<TopActor>> GetTopAsync(int days, CancellationToken cancellationToken)
    {
        var today = Today;
        var top = await store.GetTopAsync(today.AddDays(1 - days), today, options.Value.TopCount, cancellationToken);
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
