using System.Text.Json.Serialization;

namespace BriefingBot.Platforms.Slack;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(SlashCommandPayload))]
[JsonSerializable(typeof(InteractionPayload))]
[JsonSerializable(typeof(EventsApiPayload))]
[JsonSerializable(typeof(SlackEvent))]
[JsonSerializable(typeof(SocketFrame))]
[JsonSerializable(typeof(SocketAck))]
[JsonSerializable(typeof(SlashCommandResponse))]
[JsonSerializable(typeof(UrlVerificationResponse))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(PostMessageRequest))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(UpdateMessageRequest))]
[JsonSerializable(typeof(PostEphemeralRequest))]
[JsonSerializable(typeof(PostEphemeralResponse))]
[JsonSerializable(typeof(ChannelRequest))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(UploadedFile[]))]
public sealed partial class SlackJsonContext : JsonSerializerContext;
