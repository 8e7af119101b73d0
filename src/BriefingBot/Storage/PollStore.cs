using BriefingBot.Chat;
using BriefingBot.Polls;
using System.Data.Common;
using BriefingBot.Storage.Sql;

namespace BriefingBot.Storage;

/// <summary>
/// Polls, for SQLite and PostgreSQL. On SQLite writes queue on the one writer connection, so concurrent votes serialise;
/// on PostgreSQL a vote locks its poll row for share, so a close waits for the votes in flight and none slips in after.
/// </summary>
public sealed class PollStore : IPollStore
{
    private readonly ISqlDatabase database;
    private readonly PollRows rows;
    private readonly PollReader reader;
    private readonly string upsertVote;

    public PollStore(ISqlDatabase database)
    {
        this.database = database;
        rows = new PollRows(database.Dialect.Time, database.Dialect.ReadTime);
        reader = new PollReader(database.OpenConnectionAsync, rows);
        upsertVote = PollRows.UpsertVote.Replace(PollRows.OpenPollLock, database.Dialect.ForShare, StringComparison.Ordinal);
    }

    public Task<Poll> CreateAsync(NewPoll poll, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, PollRows.InsertPoll, rows.NewPoll(poll));
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return new Poll(id, poll.Platform, poll.ChannelId, poll.CreatorId, poll.CreatorName, poll.Question, poll.DevelopmentId,
                poll.ActorIds, poll.CreatedAt, poll.ClosesAt, poll.ResolveBy);
        }, cancellationToken);

    public Task<Poll?> GetAsync(long id, CancellationToken cancellationToken) => reader.GetAsync(id, cancellationToken);

    public Task SetMessageAsync(long pollId, MessageRef message, CancellationToken cancellationToken) =>
        ExecuteAsync(PollRows.SetMessage, [("@poll", pollId), ("@message", message.MessageId)], cancellationToken);

    public async Task<bool> VoteAsync(Vote vote, CancellationToken cancellationToken) =>
        await ExecuteAsync(upsertVote, rows.Vote(vote), cancellationToken) == 1;

    public Task<Vote?> GetVoteAsync(long pollId, string userId, CancellationToken cancellationToken) =>
        reader.GetVoteAsync(pollId, userId, cancellationToken);

    public Task<IReadOnlyList<Vote>> ListVotesAsync(long pollId, CancellationToken cancellationToken) => reader.ListVotesAsync(pollId, cancellationToken);

    public Task<int> CountVotesAsync(long pollId, CancellationToken cancellationToken) => reader.CountVotesAsync(pollId, cancellationToken);

    public async Task<bool> TryCloseAsync(long pollId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(PollRows.Close, [("@poll", pollId), ("@at", rows.Time(at))], cancellationToken) == 1;

    public async Task<bool> TryResolveAsync(long pollId, PollOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(PollRows.Resolve, [("@poll", pollId), ("@outcome", PollRows.Outcome(outcome)), ("@at", rows.Time(at))], cancellationToken) == 1;

    public async Task<bool> TryMarkRemindedAsync(long pollId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(PollRows.MarkReminded, [("@poll", pollId), ("@at", rows.Time(at))], cancellationToken) == 1;

    public async Task<bool> TrySetThreadAsync(long pollId, MessageRef thread, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            PollRows.SetThread, [("@poll", pollId), ("@thread_channel", thread.ChannelId), ("@thread_message", thread.MessageId)], cancellationToken) == 1;

    public async Task<bool> TryRecordReportAsync(long pollId, long articleId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(PollRows.InsertReport, [("@poll", pollId), ("@article", articleId), ("@at", rows.Time(at))], cancellationToken) == 1;

    public Task<IReadOnlyList<Poll>> ListUnclosedAsync(CancellationToken cancellationToken) => reader.ListUnclosedAsync(cancellationToken);

    public Task<IReadOnlyList<Poll>> ListDueRemindersAsync(DateOnly today, CancellationToken cancellationToken) =>
        reader.ListDueRemindersAsync(today, cancellationToken);

    public Task<IReadOnlyList<ScoredVote>> ListScoredVotesAsync(string platform, string? channelId, CancellationToken cancellationToken) =>
        reader.ListScoredVotesAsync(platform, channelId, cancellationToken);

    private Task<int> ExecuteAsync(string sql, IEnumerable<(string Name, object? Value)> values, CancellationToken cancellationToken) =>
        database.TransactAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, transaction, sql, values);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, IEnumerable<(string Name, object? Value)> values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        PollRows.Bind(command, values);
        return command;
    }
}
