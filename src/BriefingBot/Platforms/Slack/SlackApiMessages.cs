namespace BriefingBot.Platforms.Slack;

/// <summary>What every Web API answer carries: <c>ok</c>, and <c>error</c> when it is false.</summary>
public interface ISlackApiResponse
{
    bool Ok { get; }

    string? Error { get; }
}

public sealed record SlackApiResponse(bool Ok, string? Error) : ISlackApiResponse;

public sealed record PostMessageRequest(string Channel, string Text, IReadOnlyList<SlackBlock> Blocks, string? ThreadTs = null)
{
    public bool UnfurlLinks => false;

    public bool UnfurlMedia => false;
}

public sealed record PostMessageResponse(bool Ok, string? Error, string? Channel, string? Ts) : ISlackApiResponse;

public sealed record UpdateMessageRequest(string Channel, string Ts, string Text, IReadOnlyList<SlackBlock> Blocks);

public sealed record PostEphemeralRequest(string Channel, string User, string Text, IReadOnlyList<SlackBlock> Blocks, string? ThreadTs = null);

public sealed record PostEphemeralResponse(bool Ok, string? Error, string? MessageTs) : ISlackApiResponse;

public sealed record ChannelRequest(string Channel);

public sealed record ConversationInfo(string? Id, string? Name, bool IsMember);

public sealed record ConversationResponse(bool Ok, string? Error, ConversationInfo? Channel) : ISlackApiResponse;

/// <summary>auth.test: whose token this is; a bot token belongs to one team.</summary>
public sealed record AuthTestResponse(bool Ok, string? Error, string? TeamId) : ISlackApiResponse;

public sealed record ConnectionsOpenResponse(bool Ok, string? Error, string? Url) : ISlackApiResponse;

public sealed record UploadUrlResponse(bool Ok, string? Error, string? UploadUrl, string? FileId) : ISlackApiResponse;

public sealed record UploadedFile(string Id, string? Title);
