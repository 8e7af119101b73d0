using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Actors;

/// <summary>Mentions in the last <see cref="Days"/> days (today included) and in the same number of days before.</summary>
public sealed record PeriodCount(int Days, long Mentions, long Articles, long PreviousMentions);

/// <summary>Everything an actor card shows, from the catalogue and the store.</summary>
public sealed record ActorCard(
    ActorMatch Match,
    IReadOnlyList<string> TaughtAliases,
    PeriodCount Week,
    PeriodCount Month,
    DateOnly ChartFrom,
    DateOnly ChartTo,
    IReadOnlyList<ActorDay> Days,
    IReadOnlyList<(Actor Actor, int Articles)> CoMentions,
    IReadOnlyList<StoredDevelopment> Developments,
    IReadOnlyList<ActorArticle> Articles,
    IReadOnlyList<ActorPoll> OpenPolls)
{
    public Actor Actor => Match.Actor;
}

/// <summary>An open poll about the actor: it names the actor, or polls one of its developments.</summary>
public sealed record ActorPoll(long Id, string Question, long? DevelopmentId, DateTimeOffset ClosesAt);

/// <summary>One line of <c>/actors top</c>.</summary>
public sealed record TopActor(Actor Actor, long Mentions, long PreviousMentions);
