using System.Text.Json.Serialization;
using BriefingBot.Chat;

namespace BriefingBot.Digests;

/// <summary>How a run's parts (ChatReply) and story ids are stored between composing and posting.</summary>
[JsonSerializable(typeof(ChatReply))]
[JsonSerializable(typeof(IReadOnlyList<long>))]
internal sealed partial class DigestJson : JsonSerializerContext;
