namespace BriefingBot.Platforms.Slack;

/// <summary>Where the answer to one command or button press goes: its response_url while that has uses left, else the Web API.</summary>
public sealed class SlackResponseTarget(Uri? responseUrl, DateTimeOffset receivedAt, string channelId, string userId)
{
    private int used;

    public string ChannelId { get; } = channelId;

    public string UserId { get; } = userId;

    public Uri? ResponseUrl { get; } = responseUrl;

    /// <summary>Claims one of the response_url's five posts; false once they are spent or the 30 minutes are over.</summary>
    public bool TryUseResponseUrl(DateTimeOffset now) =>
        ResponseUrl is not null
        && now - receivedAt < SlackLimits.ResponseUrlLifetime
        && Interlocked.Increment(ref used) <= SlackLimits.ResponseUrlUses;

    public static SlackResponseTarget From(string? responseUrl, DateTimeOffset receivedAt, string channelId, string userId) =>
        new(Uri.TryCreate(responseUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" ? url : null, receivedAt, channelId, userId);
}
