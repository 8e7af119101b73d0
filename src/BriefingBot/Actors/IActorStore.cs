using BriefingBot.Analysis.Actors;

namespace BriefingBot.Actors;

/// <summary>
/// Actor statistics from the stored mentions (kept in per-actor aggregates, so no read scans the mentions) and the
/// aliases taught in chat. SQLite and PostgreSQL implement it and pass one contract test suite. Days are UTC days of
/// the article's published time, else its fetched time. The counting reads take a tenant (<c>discord:123</c>): they count
/// the shared articles and that workspace's own; null counts every article (the operator).
/// </summary>
public interface IActorStore
{
    /// <summary>Mentions and articles per day from <paramref name="from"/> to <paramref name="to"/> inclusive; days without any are left out.</summary>
    Task<IReadOnlyList<ActorDay>> GetDaysAsync(string actorId, DateOnly from, DateOnly to, string? tenant, CancellationToken cancellationToken);

    /// <summary>The actors that share the most articles with the actor, most first.</summary>
    Task<IReadOnlyList<CoMention>> GetCoMentionsAsync(string actorId, int limit, string? tenant, CancellationToken cancellationToken);

    /// <summary>The newest articles that mention the actor, newest day first.</summary>
    Task<IReadOnlyList<ActorArticle>> GetLatestArticlesAsync(string actorId, int limit, string? tenant, CancellationToken cancellationToken);

    /// <summary>
    /// The most mentioned actors from <paramref name="from"/> to <paramref name="to"/> inclusive, with their mentions in
    /// the period of the same length just before; actors with no mention in the period are left out.
    /// </summary>
    Task<IReadOnlyList<ActorPeriod>> GetTopAsync(DateOnly from, DateOnly to, int limit, string? tenant, CancellationToken cancellationToken);

    Task<IReadOnlyList<TaughtAlias>> ListAliasesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A number that grows whenever anything the actor's card shows changes in the store (mentions, developments,
    /// taught aliases, article titles, polls); while it stays the same a card built earlier is current, but for time.
    /// </summary>
    Task<long> GetCardVersionAsync(string actorId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the alias (case-insensitive; refused when taught already) and resolves the stored unresolved mentions
    /// written that way to <paramref name="actor"/>, in one transaction.
    /// </summary>
    Task<AliasChange> AddAliasAsync(TaughtAlias alias, Actor actor, CancellationToken cancellationToken);

    /// <summary>Forgets the alias and reverts the mentions it resolved (to what they were, else unresolved), in one transaction.</summary>
    Task<AliasChange> RemoveAliasAsync(string alias, CancellationToken cancellationToken);
}

public sealed record ActorDay(DateOnly Day, int Mentions, int Articles);

public sealed record CoMention(string ActorId, int Articles);

public sealed record ActorArticle(long Id, string Title, string Source, string Url, DateOnly Day);

public sealed record ActorPeriod(string ActorId, long Mentions, long PreviousMentions);

public sealed record TaughtAlias(string Alias, string ActorId, string AddedBy, DateTimeOffset AddedAt);

/// <summary>Whether the alias changed (<see cref="Done"/>), whose it is, and how many stored mentions were re-resolved.</summary>
public sealed record AliasChange(bool Done, string? ActorId, int Mentions);
