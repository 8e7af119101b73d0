using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BriefingBot.Web;

/// <summary>
/// Who a link is for: the platform, the workspace (tenant) in it, the user, and the channel the link was asked in;
/// issued and expiry times in Unix milliseconds.
/// </summary>
public sealed record WebGrant(
    [property: JsonPropertyName("p")] string Platform,
    [property: JsonPropertyName("w")] string WorkspaceId,
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("n")] string UserName,
    [property: JsonPropertyName("c")] string ChannelId,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long ExpiresAt)
{
    [JsonIgnore]
    public DateTimeOffset Issued => DateTimeOffset.FromUnixTimeMilliseconds(IssuedAt);

    [JsonIgnore]
    public DateTimeOffset Expires => DateTimeOffset.FromUnixTimeMilliseconds(ExpiresAt);
}

public enum TokenCheck
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
}

/// <summary>
/// The signed link token: <c>v1.</c> base64url(JSON grant) <c>.</c> base64url(HMAC-SHA256 over everything before the
/// second dot). Altering a single character breaks the signature; the comparison takes constant time.
/// </summary>
public static class WebToken
{
    private const string Version = "v1";

    public static string Sign(WebGrant grant, ReadOnlySpan<byte> key)
    {
        var payload = Version + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(grant, WebJson.Default.WebGrant));
        return payload + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));
    }

    public static (TokenCheck Check, WebGrant? Grant) Verify(string? token, ReadOnlySpan<byte> key, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return (TokenCheck.Malformed, null);
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Version || !Base64Url.IsValid(parts[1]) || !Base64Url.IsValid(parts[2]))
        {
            return (TokenCheck.Malformed, null);
        }

        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
        {
            return (TokenCheck.BadSignature, null);
        }

        WebGrant? grant;
        try
        {
            grant = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(parts[1]), WebJson.Default.WebGrant);
        }
        catch (JsonException)
        {
            return (TokenCheck.Malformed, null);
        }

        if (grant is null || string.IsNullOrEmpty(grant.Platform) || string.IsNullOrEmpty(grant.WorkspaceId) || string.IsNullOrEmpty(grant.UserId))
        {
            return (TokenCheck.Malformed, null);
        }

        return grant.Expires <= now ? (TokenCheck.Expired, null) : (TokenCheck.Valid, grant);
    }
}

[JsonSerializable(typeof(WebGrant))]
internal sealed partial class WebJson : JsonSerializerContext;
