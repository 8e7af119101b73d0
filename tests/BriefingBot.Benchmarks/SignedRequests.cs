using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace BriefingBot.Benchmarks;

/// <summary>Requests signed as the platforms sign them, for the load verbs that drive the HTTP endpoints.</summary>
internal static class SignedRequests
{
    /// <summary>A Discord interaction to <c>/discord/interactions</c>: Ed25519 over timestamp + body.</summary>
    public static HttpRequestMessage Discord(Key key, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    /// <summary>A form-encoded Slack request to <paramref name="path"/>: v0 HMAC-SHA256 over <c>v0:timestamp:body</c>.</summary>
    public static HttpRequestMessage Slack(byte[] secret, string path, string formBody)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"v0:{timestamp}:{formBody}")));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(formBody, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        return request;
    }
}
