using System.Data.Common;
using System.Text.Json;
using BriefingBot.Chat;
using BriefingBot.Polls;

namespace BriefingBot.Storage;

/// <summary>
/// The SQL and row mapping of polls and votes, shared by SQLite and PostgreSQL (named @parameters). Only times differ:
/// <paramref name="toDb"/> and <paramref name="readTime"/> convert them for the provider.
/// </summary>
internal sealed class PollRows(Func<DateTimeOffset, object> toDb, Func<DbDataReader, int, DateTimeOffset> readTime)
{
    private const string PollColumns = """
        id, platform, channel_id, creator_id, creator_name, question, development_id, actor_ids, created_at, closes_at,
        resolve_by, message_id, thread_channel_id, thread_message_id, closed_at, outcome, resolved_at, reminded_at
        """;

    private const string VoteColumns = "poll_id, user_id, user_name, probability, band, voted_at";

    public const string InsertPoll = """
        INSERT INTO polls (platform, channel_id, creator_id, creator_name, question, development_id, actor_ids, created_at,
            closes_at, resolve_by)
        VALUES (@platform, @channel, @creator, @creator_name, @question, @development, @actors, @created_at, @closes_at, @resolve_by)
        RETURNING id
        """;

    public const string SelectPoll = $"SELECT {PollColumns} FROM polls WHERE id = @poll";

    public const string SelectUnclosed = $"SELECT {PollColumns} FROM polls WHERE closed_at IS NULL ORDER BY closes_at, id";

    public const string SelectDueReminders = $"""
        SELECT {PollColumns} FROM polls
        WHERE outcome IS NULL AND reminded_at IS NULL AND resolve_by < @today ORDER BY id
        """;

    public const string SetMessage = "UPDATE polls SET message_id = @message WHERE id = @poll";

    /// <summary>One row per (poll, user): a second vote replaces the first. Only while the poll is open at @at.</summary>
    public const string UpsertVote = $"""
        INSERT INTO poll_votes ({VoteColumns})
        SELECT @poll, @user, @user_name, @probability, @band, @at
        WHERE EXISTS (SELECT 1 FROM polls WHERE id = @poll AND closed_at IS NULL AND closes_at > @at{OpenPollLock})
        ON CONFLICT (poll_id, user_id) DO UPDATE
        SET user_name = excluded.user_name, probability = excluded.probability, band = excluded.band, voted_at = excluded.voted_at
        """;

    /// <summary>Marker replaced per provider: PostgreSQL locks the poll row so a close waits for votes in flight.</summary>
    public const string OpenPollLock = "/*lock*/";

    public const string SelectVote = $"SELECT {VoteColumns} FROM poll_votes WHERE poll_id = @poll AND user_id = @user";

    public const string SelectVotes = $"SELECT {VoteColumns} FROM poll_votes WHERE poll_id = @poll ORDER BY voted_at, user_id";

    public const string CountVotes = "SELECT count(*) FROM poll_votes WHERE poll_id = @poll";

    public const string Close = "UPDATE polls SET closed_at = @at WHERE id = @poll AND closed_at IS NULL";

    public const string Resolve = """
        UPDATE polls SET outcome = @outcome, resolved_at = @at WHERE id = @poll AND closed_at IS NOT NULL AND outcome IS NULL
        """;

    public const string MarkReminded = "UPDATE polls SET reminded_at = @at WHERE id = @poll AND reminded_at IS NULL";

    public const string SetThread = """
        UPDATE polls SET thread_channel_id = @thread_channel, thread_message_id = @thread_message
        WHERE id = @poll AND thread_message_id IS NULL
        """;

    public const string InsertReport = """
        INSERT INTO poll_reports (poll_id, article_id, noted_at) VALUES (@poll, @article, @at)
        ON CONFLICT (poll_id, article_id) DO NOTHING
        """;

    private const string ScoredVotes = """
        SELECT v.poll_id, v.user_id, v.user_name, v.probability, v.band, v.voted_at, p.channel_id, p.outcome
        FROM poll_votes v JOIN polls p ON p.id = v.poll_id
        WHERE p.platform = @platform AND p.outcome IN ('yes', 'no')
        """;

    public const string SelectScoredVotes = ScoredVotes + " ORDER BY p.id, v.user_id";

    public const string SelectScoredVotesInChannel = ScoredVotes + " AND p.channel_id = @channel ORDER BY p.id, v.user_id";

    public IEnumerable<(string Name, object? Value)> NewPoll(NewPoll poll) =>
    [
        ("@platform", poll.Platform),
        ("@channel", poll.ChannelId),
        ("@creator", poll.CreatorId),
        ("@creator_name", poll.CreatorName),
        ("@question", poll.Question),
        ("@development", poll.DevelopmentId),
        ("@actors", JsonSerializer.Serialize(poll.ActorIds)),
        ("@created_at", toDb(poll.CreatedAt)),
        ("@closes_at", toDb(poll.ClosesAt)),
        ("@resolve_by", poll.ResolveBy),
    ];

    public IEnumerable<(string Name, object? Value)> Vote(Vote vote) =>
    [
        ("@poll", vote.PollId),
        ("@user", vote.UserId),
        ("@user_name", vote.UserName),
        ("@probability", vote.Probability),
        ("@band", vote.Band),
        ("@at", toDb(vote.VotedAt)),
    ];

    public object Time(DateTimeOffset value) => toDb(value);

    public Poll ReadPoll(DbDataReader r)
    {
        var platform = r.GetString(1);
        var channel = r.GetString(2);
        return new Poll(
            r.GetInt64(0), platform, channel, r.GetString(3), r.GetString(4), r.GetString(5),
            r.IsDBNull(6) ? null : r.GetInt64(6),
            JsonSerializer.Deserialize<List<string>>(r.GetString(7)) ?? [],
            readTime(r, 8), readTime(r, 9), r.GetFieldValue<DateOnly>(10))
        {
            Message = r.IsDBNull(11) ? null : new MessageRef(platform, channel, r.GetString(11)),
            Thread = r.IsDBNull(13) ? null : new MessageRef(platform, r.GetString(12), r.GetString(13)),
            ClosedAt = r.IsDBNull(14) ? null : readTime(r, 14),
            Outcome = r.IsDBNull(15) ? null : Enum.Parse<PollOutcome>(r.GetString(15), ignoreCase: true),
            ResolvedAt = r.IsDBNull(16) ? null : readTime(r, 16),
            RemindedAt = r.IsDBNull(17) ? null : readTime(r, 17),
        };
    }

    public Vote ReadVote(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetString(4), readTime(r, 5));

    public ScoredVote ReadScoredVote(DbDataReader r) =>
        new(ReadVote(r), r.GetString(6), r.GetString(7) == "yes");

    public static string Outcome(PollOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>Sets the command's parameters to <paramref name="values"/> (null becomes SQL NULL).</summary>
    public static void Bind(DbCommand command, IEnumerable<(string Name, object? Value)> values) => AnalysisRows.Bind(command, values);

    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(
        DbConnection connection, string sql, IEnumerable<(string Name, object? Value)> values, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
