using System.Text;
using System.Text.Json;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Platforms.Slack;

public sealed class SlackRequestVerifierTests
{
    private static readonly JsonElement[] Vectors = LoadVectors();

    public static TheoryData<string> VectorNames => [.. Vectors.Select(v => v.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void IsValid_SharedSigningVector_MatchesExpectation(string name)
    {
        var vector = Vectors.Single(v => v.GetProperty("name").GetString() == name);
        var verifier = Verifier(vector.GetProperty("signing_secret").GetString()!, vector.GetProperty("now_for_freshness_check").GetInt64());

        var valid = verifier.IsValid(
            vector.GetProperty("timestamp").GetString(),
            vector.GetProperty("expected_signature").GetString(),
            Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!));

        Assert.Equal(vector.GetProperty("expect_valid").GetBoolean(), valid);
    }

    [Fact]
    public void IsValid_SlacksWorkedExample_Accepted()
    {
        // Slack's own documented example, asserted on its own so a broken vector file cannot hide it.
        var verifier = Verifier("8f742231b10e8888abcd99yyyzzz85a5", 1531420618);
        var body = Vectors[0].GetProperty("body").GetString()!;

        Assert.True(verifier.IsValid("1531420618", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(-300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void IsValid_ClockOffset_RefusedOutsideFiveMinutes(int offsetSeconds, bool expected)
    {
        const string secret = "s3cret";
        var verifier = Verifier(secret, 1_700_000_000 + offsetSeconds);
        var signature = SlackTestHost.Sign(secret, "1700000000", "a=b");

        Assert.Equal(expected, verifier.IsValid("1700000000", signature, "a=b"u8));
    }

    [Theory]
    [InlineData(null, "v0=00")]
    [InlineData("1700000000", null)]
    [InlineData("", "")]
    [InlineData("17e8", "v0=00")]
    [InlineData("-1700000000", "v0=00")]
    public void IsValid_MissingOrMalformedHeaders_False(string? timestamp, string? signature)
    {
        Assert.False(Verifier("s3cret", 1_700_000_000).IsValid(timestamp, signature, "a=b"u8));
    }

    [Fact]
    public void IsValid_NoSigningSecretConfigured_False()
    {
        var signature = SlackTestHost.Sign(string.Empty, "1700000000", "a=b");

        Assert.False(Verifier(string.Empty, 1_700_000_000).IsValid("1700000000", signature, "a=b"u8));
    }

    private static SlackRequestVerifier Verifier(string secret, long now) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(now)));

    private static JsonElement[] LoadVectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFolder.Path, "platform-specs", "slack", "request-signing-vectors.json")));
        return [.. document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone())];
    }
}
