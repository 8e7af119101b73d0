using BriefingBot.Chat;
using BriefingBot.Polls;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>Polls in PostgreSQL; a vote locks its poll row for share, so a close waits for the votes in flight and none slips in after.</summary>
public sealed class PostgresPollStore : IPollStore
{
    private static readonly string UpsertVote = PollRows.UpsertVote.Replace(PollRows.OpenPollLock, " FOR SHARE", StringComparison.Ordinal);

    private readonly PostgresDatabase database;
    private readonly PollRows rows = new(v => v.ToUniversalTime(), (r, i) => r.GetFieldValue<DateTimeOffset>(i));
    private readonly PollReader reader;

    public PostgresPollStore(PostgresDatabase database)
    {
        this.database = database;
        reader = new PollReader(async ct => await database.OpenAsync(ct), rows);
    }

    public async Task<Poll> CreateAsync(NewPoll poll, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, PollRows.InsertPoll, rows.NewPoll(poll));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new Poll(id, poll.Platform, poll.ChannelId, poll.CreatorId, poll.CreatorName, poll.Question, poll.DevelopmentId,
            poll.ActorIds, poll.CreatedAt, poll.ClosesAt, poll.ResolveBy);
    }

    public Task<Poll?> GetAsync(long id, CancellationToken cancellationToken) => reader.GetAsync(id, cancellationToken);

    public Task SetMessageAsync(long pollId, MessageRef message, CancellationToken cancellationToken) =>
        ExecuteAsync(PollRows.SetMessage, [("@poll", pollId), ("@message", message.MessageId)], cancellationToken);

    public async Task<bool> VoteAsync(Vote vote, CancellationToken cancellationToken) =>
        await ExecuteAsync(UpsertVote, rows.Vote(vote), cancellationToken) == 1;

    public Task<Vote?> GetVoteAsync(long pollId, string userId, CancellationToken cancellationToken) =>
        reader.GetVoteAsync(pollId, userId, cancellationToken);

    public Task<IReadOnlyList<Vote>> ListVotesAsync(long pollId, CancellationToken cancellationToken) => reader.ListVotesAsync(pollId, cancellationToken);

    public Task<int> CountVotesAsync(long pollId, CancellationToken cancellationToken) => reader.CountVotesAsync(pollId, cancellationToken);

    public async Task<bool> TryCloseAsync(long pollId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(PollRows.Close, [("@poll", pollId), ("@at", at)], cancellationToken) == 1;

    public async Task<bool> TryResolveAsync(long pollId, PollOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(PollRows.Resolve, [("@poll", pollId), ("@outcome", PollRows.Outcome(outcome)), ("@at", at)], cancellationToken) == 1;

    public async Task<bool> TryMarkRemindedAsync(long pollId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(PollRows.MarkReminded, [("@poll", pollId), ("@at", at)], cancellationToken) == 1;

    public async Task<bool> TrySetThreadAsync(long pollId, MessageRef thread, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            PollRows.SetThread, [("@poll", pollId), ("@thread_channel", thread.ChannelId), ("@thread_message", thread.MessageId)], cancellationToken) == 1;

    public async Task<bool> TryRecordReportAsync(long pollId, long articleId, DateTimeOffset at, CancellationToken cancellationToken) =>
        await ExecuteAsync(PollRows.InsertReport, [("@poll", pollId), ("@article", articleId), ("@at", at)], cancellationToken) == 1;

    public Task<IReadOnlyList<Poll>> ListUnclosedAsync(CancellationToken cancellationToken) => reader.ListUnclosedAsync(cancellationToken);

    public Task<IReadOnlyList<Poll>> ListDueRemindersAsync(DateOnly today, CancellationToken cancellationToken) =>
        reader.ListDueRemindersAsync(today, cancellationToken);

    public Task<IReadOnlyList<ScoredVote>> ListScoredVotesAsync(string platform, string? channelId, CancellationToken cancellationToken) =>
        reader.ListScoredVotesAsync(platform, channelId, cancellationToken);

    private async Task<int> ExecuteAsync(string sql, IEnumerable<(string Name, object? Value)> values, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, IEnumerable<(string Name, object? Value)> values)
    {
        var command = new NpgsqlCommand(sql, connection);
        PollRows.Bind(command, values);
        return command;
    }
}
