using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriefingBot.Platforms.Discord.Payloads;

/// <summary>A received gateway frame: <c>s</c> and <c>t</c> are set only on dispatches (op 0).</summary>
public sealed record GatewayFrame(int Op, JsonElement? D = null, long? S = null, string? T = null);

public sealed record GatewayHello(int HeartbeatInterval);

public sealed record GatewayReady(string SessionId, string ResumeGatewayUrl);

/// <summary>Discord expects <c>"d": null</c> before the first dispatch, so null is written.</summary>
public sealed record GatewayHeartbeat([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? D, int Op = 1);

public sealed record GatewayIdentify(IdentifyData D, int Op = 2);

public sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, IReadOnlyList<int> Shard);

public sealed record IdentifyProperties(string Os, string Browser, string Device);

public sealed record GatewayResume(ResumeData D, int Op = 6);

public sealed record ResumeData(string Token, string SessionId, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Seq);

public sealed record GatewayBot(string Url, int Shards, SessionStartLimit SessionStartLimit);

public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

public sealed record RateLimitBody(double RetryAfter, bool Global = false, string? Message = null);

public sealed record StartThreadRequest(string Name);
