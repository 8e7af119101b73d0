using BriefingBot.Chat;

namespace BriefingBot.Digests;

/// <summary>
/// What one digest run asks for: where it goes (the platform decides the message limits), what is new (stories whose
/// articles were stored after <see cref="Since"/> and that are not in <see cref="SentStoryIds"/>), an optional
/// actor or keyword <see cref="Filter"/>, and at most <see cref="MaxItems"/> stories.
/// </summary>
public sealed record DigestRequest(
    string Platform,
    string ChannelId,
    DateTimeOffset? Since,
    IReadOnlySet<long> SentStoryIds,
    string? Filter,
    int MaxItems,
    string TimeZoneId,
    DateTimeOffset FireTime)
{
    /// <summary>
    /// The workspace the digest is for (<see cref="DigestTenants"/>): only shared articles and its own are in it. Null:
    /// every article (the operator's shell).
    /// </summary>
    public string? Tenant { get; init; }
}

/// <summary>
/// A composed digest: the messages to post in order (each within the platform's limits) and the stories they cover.
/// With nothing new, one short message saying so and no stories.
/// </summary>
public sealed record DigestContent(IReadOnlyList<ChatReply> Messages, IReadOnlyList<long> StoryIds)
{
    public bool IsEmpty => StoryIds.Count == 0;
}

/// <summary>Builds a channel's digest from the store. Pure reads: delivery, idempotency and history belong to the caller.</summary>
public interface IDigestComposer
{
    Task<DigestContent> ComposeAsync(DigestRequest request, CancellationToken cancellationToken);
}
