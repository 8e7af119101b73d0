using BriefingBot.Chat;

namespace BriefingBot.Polls;

public enum PollOutcome
{
    Yes,
    No,
    Ambiguous,
}

/// <summary>What a new poll needs; <see cref="ActorIds"/> come from its development (for "new reporting" notes).</summary>
public sealed record NewPoll(
    string Platform,
    string ChannelId,
    string CreatorId,
    string CreatorName,
    string Question,
    long? DevelopmentId,
    IReadOnlyList<string> ActorIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset ClosesAt,
    DateOnly ResolveBy);

/// <summary>A stored poll. <see cref="Message"/> is the posted poll (with its vote buttons), <see cref="Thread"/> its "new reporting" thread.</summary>
public sealed record Poll(
    long Id,
    string Platform,
    string ChannelId,
    string CreatorId,
    string CreatorName,
    string Question,
    long? DevelopmentId,
    IReadOnlyList<string> ActorIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset ClosesAt,
    DateOnly ResolveBy)
{
    public MessageRef? Message { get; init; }

    public MessageRef? Thread { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public PollOutcome? Outcome { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? RemindedAt { get; init; }

    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && ClosesAt > now;
}

/// <summary>One person's latest vote; <see cref="Probability"/> in percent (0-100), <see cref="Band"/> the band id it falls in.</summary>
public sealed record Vote(long PollId, string UserId, string UserName, double Probability, string Band, DateTimeOffset VotedAt);

/// <summary>A vote on a resolved (yes/no) poll, with the poll's outcome: the unit of forecast statistics.</summary>
public sealed record ScoredVote(Vote Vote, string ChannelId, bool Happened);
