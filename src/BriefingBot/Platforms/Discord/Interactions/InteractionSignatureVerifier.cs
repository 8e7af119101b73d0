using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace BriefingBot.Platforms.Discord.Interactions;

public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Invalid,
    Stale,
}

/// <summary>
/// Ed25519 over the bytes of <c>X-Signature-Timestamp + raw body</c> with the application's public key, then our own
/// replay window: a validly signed request more than <see cref="DiscordLimits.SignatureTimestampTolerance"/> off the clock is refused.
/// </summary>
public sealed class InteractionSignatureVerifier
{
    private const int SignatureBytes = 64;
    private readonly PublicKey publicKey;
    private readonly TimeProvider time;

    public InteractionSignatureVerifier(string publicKeyHex, TimeProvider time)
    {
        publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(publicKeyHex), KeyBlobFormat.RawPublicKey);
        this.time = time;
    }

    public SignatureCheck Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.Missing;
        }

        Span<byte> signature = stackalloc byte[SignatureBytes];
        if (signatureHex.Length != SignatureBytes * 2
            || Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != SignatureBytes
            || timestamp.Length > 20)
        {
            return SignatureCheck.Malformed;
        }

        var timestampBytes = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[timestampBytes + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampBytes));
        if (!SignatureAlgorithm.Ed25519.Verify(publicKey, message, signature))
        {
            return SignatureCheck.Invalid;
        }

        // Checked after the signature so an attacker learns nothing about our clock from unsigned probes.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureCheck.Stale;
        }

        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return skew.Duration() > DiscordLimits.SignatureTimestampTolerance ? SignatureCheck.Stale : SignatureCheck.Valid;
    }
}
