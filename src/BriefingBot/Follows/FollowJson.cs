using System.Text.Json.Serialization;
using BriefingBot.Chat;

namespace BriefingBot.Follows;

/// <summary>How a batch's composed message is stored between composing and posting.</summary>
[JsonSerializable(typeof(ChatReply))]
internal sealed partial class FollowJson : JsonSerializerContext;
