using BriefingBot.Chat;

namespace BriefingBot.Polls;

/// <summary>
/// Polls and votes. One vote per (poll, user) is a unique key: a repeated or concurrent vote replaces, never adds.
/// Every state change (close, resolve, remind, thread, report) is conditional, so exactly one caller wins it.
/// SQLite and PostgreSQL implement it and pass one contract test suite.
/// </summary>
public interface IPollStore
{
    Task<Poll> CreateAsync(NewPoll poll, CancellationToken cancellationToken);

    Task<Poll?> GetAsync(long id, CancellationToken cancellationToken);

    Task SetMessageAsync(long pollId, MessageRef message, CancellationToken cancellationToken);

    /// <summary>Records or replaces the user's vote while the poll is open at <paramref name="vote"/>'s time; false when it is closed or unknown.</summary>
    Task<bool> VoteAsync(Vote vote, CancellationToken cancellationToken);

    Task<Vote?> GetVoteAsync(long pollId, string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Vote>> ListVotesAsync(long pollId, CancellationToken cancellationToken);

    Task<int> CountVotesAsync(long pollId, CancellationToken cancellationToken);

    /// <summary>Marks the poll closed at <paramref name="at"/>; true only for the one call that closed it.</summary>
    Task<bool> TryCloseAsync(long pollId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Sets the outcome of a closed, unresolved poll; true only for the one call that resolved it.</summary>
    Task<bool> TryResolveAsync(long pollId, PollOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Records that the creator was reminded to resolve; true only the first time.</summary>
    Task<bool> TryMarkRemindedAsync(long pollId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Stores the poll's thread unless it has one; true when this call stored it.</summary>
    Task<bool> TrySetThreadAsync(long pollId, MessageRef thread, CancellationToken cancellationToken);

    /// <summary>Records that the article was noted in the poll's thread; true only the first time for that (poll, article).</summary>
    Task<bool> TryRecordReportAsync(long pollId, long articleId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Polls not yet closed (including those past their deadline), soonest deadline first.</summary>
    Task<IReadOnlyList<Poll>> ListUnclosedAsync(CancellationToken cancellationToken);

    /// <summary>Unresolved polls whose resolve-by day is before <paramref name="today"/> and whose creator was not reminded.</summary>
    Task<IReadOnlyList<Poll>> ListDueRemindersAsync(DateOnly today, CancellationToken cancellationToken);

    /// <summary>Votes on polls resolved yes or no on <paramref name="platform"/> (one channel when given), oldest poll first.</summary>
    Task<IReadOnlyList<ScoredVote>> ListScoredVotesAsync(string platform, string? channelId, CancellationToken cancellationToken);
}
