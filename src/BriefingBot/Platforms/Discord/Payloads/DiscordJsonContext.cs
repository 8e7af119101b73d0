using System.Text.Json.Serialization;

namespace BriefingBot.Platforms.Discord.Payloads;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = false)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommand>))]
[JsonSerializable(typeof(GatewayFrame))]
[JsonSerializable(typeof(GatewayHello))]
[JsonSerializable(typeof(GatewayReady))]
[JsonSerializable(typeof(GatewayHeartbeat))]
[JsonSerializable(typeof(GatewayIdentify))]
[JsonSerializable(typeof(GatewayResume))]
[JsonSerializable(typeof(GatewayBot))]
[JsonSerializable(typeof(RateLimitBody))]
[JsonSerializable(typeof(StartThreadRequest))]
[JsonSerializable(typeof(CreateDmRequest))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;

public sealed record CreateDmRequest(string RecipientId);
