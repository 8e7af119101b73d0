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
    IReadOnlyList<ActorArticle> Articles)
{
    public Actor Actor => Match.Actor;
}

/// <summary>One line of <c>/actors top</c>.</summary>
public sealed record TopActor(Actor Actor, long Mentions, long PreviousMentions);
