using System.Text;
using System.Text.Json;
using BriefingBot.Platforms.Discord.Interactions;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace BriefingBot.Tests.Platforms.Discord;

public sealed class InteractionSignatureVerifierTests
{
    private static readonly string SpecFolder = Path.Combine(SharedFolder.Path, "platform-specs", "discord");

    public static TheoryData<string> VectorNames()
    {
        var data = new TheoryData<string>();
        foreach (var vector in Vectors().GetProperty("vectors").EnumerateArray())
        {
            data.Add(vector.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Verify_SharedVectorAtItsOwnTime_MatchesExpectation(string name)
    {
        var file = Vectors();
        var vector = file.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);
        var timestamp = vector.GetProperty("timestamp").GetString()!;
        var verifier = new InteractionSignatureVerifier(file.GetProperty("public_key_hex").GetString()!, ClockAt(timestamp));

        var check = verifier.Verify(vector.GetProperty("signature_hex").GetString(), timestamp, Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!));

        var expectValid = vector.GetProperty("expect_valid").GetBoolean();
        Assert.Equal(expectValid, check == SignatureCheck.Valid);
    }

    [Fact]
    public void Verify_Rfc8032EmptyMessage_NSecAgreesWithTheRfc()
    {
        var test = Vectors().GetProperty("rfc8032_test1");
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(test.GetProperty("public_key_hex").GetString()!), KeyBlobFormat.RawPublicKey);

        Assert.True(SignatureAlgorithm.Ed25519.Verify(key, [], Convert.FromHexString(test.GetProperty("signature_hex").GetString()!)));
    }

    [Fact]
    public void Verify_RealDiscordSignedPing_AcceptsValidAndRejectsDiscordsBadProbe()
    {
        var ping = JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecFolder, "real-discord-signed-ping.ssMMiles-verify-node-data.json"))).RootElement;
        var key = ping.GetProperty("PUBLIC_KEY").GetString()!;
        var valid = new InteractionSignatureVerifier(key, ClockAt(ping.GetProperty("TIMESTAMP_VALID").GetString()!));
        var invalid = new InteractionSignatureVerifier(key, ClockAt(ping.GetProperty("TIMESTAMP_INVALID").GetString()!));

        Assert.Equal(SignatureCheck.Valid, valid.Verify(
            ping.GetProperty("SIGNATURE_VALID").GetString(), ping.GetProperty("TIMESTAMP_VALID").GetString(), Encoding.UTF8.GetBytes(ping.GetProperty("BODY_VALID").GetString()!)));
        Assert.Equal(SignatureCheck.Invalid, invalid.Verify(
            ping.GetProperty("SIGNATURE_INVALID").GetString(), ping.GetProperty("TIMESTAMP_INVALID").GetString(), Encoding.UTF8.GetBytes(ping.GetProperty("BODY_INVALID").GetString()!)));
    }

    [Theory]
    [InlineData(0, SignatureCheck.Valid)]
    [InlineData(299, SignatureCheck.Valid)]
    [InlineData(-299, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.Stale)]
    [InlineData(-301, SignatureCheck.Stale)]
    [InlineData(86_400, SignatureCheck.Stale)]
    public void Verify_ValidSignatureWithClockSkew_RefusesBeyondFiveMinutes(int clockAheadSeconds, SignatureCheck expected)
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var timestamp = "1800000000";
        var body = Encoding.UTF8.GetBytes("""{"type":1,"id":"1","token":"t"}""");
        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray()));
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000 + clockAheadSeconds));

        var verifier = new InteractionSignatureVerifier(Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), clock);

        Assert.Equal(expected, verifier.Verify(signature, timestamp, body));
    }

    [Theory]
    [InlineData(null, "1700000000", SignatureCheck.Missing)]
    [InlineData("", "1700000000", SignatureCheck.Missing)]
    [InlineData("abcd", null, SignatureCheck.Missing)]
    [InlineData("zz", "1700000000", SignatureCheck.Malformed)]
    public void Verify_MissingOrMalformedHeaders_Rejects(string? signature, string? timestamp, SignatureCheck expected)
    {
        var verifier = new InteractionSignatureVerifier(Vectors().GetProperty("public_key_hex").GetString()!, ClockAt("1700000000"));

        Assert.Equal(expected, verifier.Verify(signature, timestamp, "{}"u8));
    }

    [Fact]
    public void Verify_ValidSignatureOverNonNumericTimestamp_IsRefused()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var timestamp = "yesterday";
        var body = "{}"u8.ToArray();
        var signature = Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray()));
        var verifier = new InteractionSignatureVerifier(Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), ClockAt("1700000000"));

        Assert.Equal(SignatureCheck.Stale, verifier.Verify(signature, timestamp, body));
    }

    private static FakeTimeProvider ClockAt(string unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(long.Parse(unixSeconds, System.Globalization.CultureInfo.InvariantCulture)));

    private static JsonElement Vectors() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SpecFolder, "interaction-signature-vectors.json"))).RootElement;
}
