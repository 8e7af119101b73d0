using System.Data.Common;
using BriefingBot.Polls;

namespace BriefingBot.Storage;

/// <summary>The read side of <see cref="IPollStore"/>: the same SQL and mapping on either provider.</summary>
internal sealed class PollReader(Func<CancellationToken, Task<DbConnection>> open, PollRows rows)
{
    public async Task<Poll?> GetAsync(long id, CancellationToken cancellationToken) =>
        First(await ReadAsync(PollRows.SelectPoll, [("@poll", id)], rows.ReadPoll, cancellationToken));

    public async Task<Vote?> GetVoteAsync(long pollId, string userId, CancellationToken cancellationToken) =>
        First(await ReadAsync(PollRows.SelectVote, [("@poll", pollId), ("@user", userId)], rows.ReadVote, cancellationToken));

    public Task<IReadOnlyList<Vote>> ListVotesAsync(long pollId, CancellationToken cancellationToken) =>
        ReadAsync(PollRows.SelectVotes, [("@poll", pollId)], rows.ReadVote, cancellationToken);

    public async Task<int> CountVotesAsync(long pollId, CancellationToken cancellationToken) =>
        (await ReadAsync(PollRows.CountVotes, [("@poll", pollId)], r => Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), cancellationToken))[0];

    public Task<IReadOnlyList<Poll>> ListUnclosedAsync(CancellationToken cancellationToken) =>
        ReadAsync(PollRows.SelectUnclosed, [], rows.ReadPoll, cancellationToken);

    public Task<IReadOnlyList<Poll>> ListDueRemindersAsync(DateOnly today, CancellationToken cancellationToken) =>
        ReadAsync(PollRows.SelectDueReminders, [("@today", today)], rows.ReadPoll, cancellationToken);

    public Task<IReadOnlyList<ScoredVote>> ListScoredVotesAsync(string platform, string? channelId, CancellationToken cancellationToken) =>
        channelId is null
            ? ReadAsync(PollRows.SelectScoredVotes, [("@platform", platform)], rows.ReadScoredVote, cancellationToken)
            : ReadAsync(PollRows.SelectScoredVotesInChannel, [("@platform", platform), ("@channel", channelId)], rows.ReadScoredVote, cancellationToken);

    private static T? First<T>(IReadOnlyList<T> rows)
        where T : class => rows.Count > 0 ? rows[0] : null;

    private async Task<IReadOnlyList<T>> ReadAsync<T>(
        string sql, IEnumerable<(string Name, object? Value)> values, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return await PollRows.ReadAllAsync(connection, sql, values, map, cancellationToken);
    }
}
