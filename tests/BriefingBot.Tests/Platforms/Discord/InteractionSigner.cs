using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>Plays Discord's side of request signing with a key pair made for the test.</summary>
internal sealed class InteractionSigner : IDisposable
{
    private readonly Key key = Key.Create(SignatureAlgorithm.Ed25519);

    public string PublicKeyHex => Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public HttpRequestMessage Request(string body, DateTimeOffset? at = null, Key? signWith = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = SignatureAlgorithm.Ed25519.Sign(signWith ?? key, [.. Encoding.UTF8.GetBytes(timestamp), .. bytes]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexStringLower(signature));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public void Dispose() => key.Dispose();
}
