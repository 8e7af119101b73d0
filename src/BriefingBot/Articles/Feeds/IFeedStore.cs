namespace BriefingBot.Articles.Feeds;

/// <summary>Feed subscriptions; SQLite and PostgreSQL implement it and pass one contract test suite.</summary>
public interface IFeedStore
{
    /// <summary>Stores a new feed unless the same tenant already has this URL (canonical form): then returns that one, not created.</summary>
    Task<(Feed Feed, bool Created)> AddAsync(Feed feed, CancellationToken cancellationToken);

    Task<Feed?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every feed, operator and chat, by id.</summary>
    Task<IReadOnlyList<Feed>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Active feeds whose next poll is due at <paramref name="now"/>, soonest first.</summary>
    Task<IReadOnlyList<Feed>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Writes every mutable field of <paramref name="feed"/> (found by id); false when it no longer exists.</summary>
    Task<bool> UpdateAsync(Feed feed, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(long id, CancellationToken cancellationToken);
}
