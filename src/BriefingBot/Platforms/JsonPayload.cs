using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BriefingBot.Platforms;

/// <summary>A response body and its UTF-8 JSON, serialised on first use; kept with a shared rendering, it is serialised once.</summary>
public sealed class JsonPayload<T>(T value, JsonTypeInfo<T> type)
{
    public const string ContentType = "application/json; charset=utf-8";

    private byte[]? utf8;

    public T Value => value;

    /// <summary>The serialised body; two threads may both serialise it the first time, to equal bytes.</summary>
    public byte[] Utf8 => utf8 ??= JsonSerializer.SerializeToUtf8Bytes(value, type);
}
