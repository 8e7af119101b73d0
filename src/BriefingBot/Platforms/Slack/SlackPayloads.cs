using System.Text.Json;

namespace BriefingBot.Platforms.Slack;

/// <summary>A slash command as Slack sends it (form fields over HTTP, the same names as JSON in Socket Mode).</summary>
public sealed record SlashCommandPayload(
    string? TeamId,
    string? ChannelId,
    string? UserId,
    string? UserName,
    string? Command,
    string? Text,
    string? ResponseUrl,
    string? TriggerId);

public sealed record InteractionPayload(
    string? Type,
    InteractionTeam? Team,
    InteractionUser? User,
    InteractionChannel? Channel,
    InteractionContainer? Container,
    string? ResponseUrl,
    string? TriggerId,
    IReadOnlyList<InteractionAction>? Actions);

public sealed record InteractionTeam(string? Id, string? Domain);

public sealed record InteractionUser(string? Id, string? Username, string? Name, string? TeamId = null);

public sealed record InteractionChannel(string? Id, string? Name);

public sealed record InteractionContainer(string? Type, string? ChannelId, string? MessageTs, string? ThreadTs);

public sealed record InteractionAction(string? ActionId, string? BlockId, string? Type, string? Value);

/// <summary>
/// The outer Events API body: <c>url_verification</c> or <c>event_callback</c>. <see cref="Event"/> stays raw
/// because its shape depends on its type (a channel is an id in some events and an object in others).
/// </summary>
public sealed record EventsApiPayload(string? Type, string? Challenge, string? EventId, JsonElement? Event);

/// <summary>A message-like event (<c>app_mention</c>).</summary>
public sealed record SlackEvent(string? Type, string? User, string? BotId, string? Text, string? Channel, string? Ts, string? ThreadTs);

/// <summary>Any Socket Mode frame from Slack: hello, disconnect, or an envelope.</summary>
public sealed record SocketFrame(
    string? Type,
    string? EnvelopeId,
    JsonElement? Payload,
    bool AcceptsResponsePayload,
    string? Reason,
    int? RetryAttempt);

public sealed record SocketAck(string EnvelopeId, SlashCommandResponse? Payload = null);

/// <summary>A message answering a slash command or an interaction: inline, as a socket ack payload, or to response_url.</summary>
public sealed record SlashCommandResponse(string ResponseType, string Text, IReadOnlyList<SlackBlock> Blocks, bool? ReplaceOriginal = null);

public sealed record UrlVerificationResponse(string Challenge);
