using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Platforms.Discord;

public enum DiscordMode
{
    /// <summary>Outbound WebSocket to Discord; needs no public URL.</summary>
    Gateway,

    /// <summary>Discord POSTs interactions to <c>/discord/interactions</c> on our Kestrel.</summary>
    Http,
}

public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>The bot token: a secret, set only through <c>BriefingBot__Discord__Token</c>.</summary>
    public string? Token { get; set; }

    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key (64 hex characters), needed in Http mode.</summary>
    public string? PublicKey { get; set; }

    public DiscordMode Mode { get; set; } = DiscordMode.Gateway;

    /// <summary>When set, commands are registered per guild (instant) instead of globally.</summary>
    public IList<string> GuildIds { get; } = [];

    public int ShardId { get; set; }

    public int ShardCount { get; set; } = 1;

    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>Overrides the URL from <c>GET /gateway/bot</c> (tests, staging).</summary>
    public Uri? GatewayUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ApplicationId) || !IsSnowflake(ApplicationId))
        {
            yield return Fail("Discord:ApplicationId is required: the numeric Application ID from the Developer Portal.", nameof(ApplicationId));
        }

        if (Mode == DiscordMode.Http && (PublicKey is null || PublicKey.Length != 64 || !PublicKey.All(char.IsAsciiHexDigit)))
        {
            yield return Fail("Discord:PublicKey must be the 64-hex-character Public Key from the Developer Portal when Discord:Mode is Http.", nameof(PublicKey));
        }

        if (ShardCount < 1)
        {
            yield return Fail("Discord:ShardCount must be at least 1.", nameof(ShardCount));
        }

        if (ShardId < 0 || ShardId >= ShardCount)
        {
            yield return Fail("Discord:ShardId must be between 0 and Discord:ShardCount - 1.", nameof(ShardId));
        }

        if (GuildIds.Any(g => !IsSnowflake(g)))
        {
            yield return Fail("Discord:GuildIds must hold numeric guild (server) ids.", nameof(GuildIds));
        }

        if (!ApiBaseUrl.IsAbsoluteUri || ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            yield return Fail("Discord:ApiBaseUrl must be an absolute http(s) URL.", nameof(ApiBaseUrl));
        }

        if (GatewayUrl is { } gateway && (!gateway.IsAbsoluteUri || gateway.Scheme is not ("wss" or "ws")))
        {
            yield return Fail("Discord:GatewayUrl must be an absolute ws(s) URL.", nameof(GatewayUrl));
        }
    }

    private static bool IsSnowflake(string value) => value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit);

    private static ValidationResult Fail(string message, string member) => new(message, [member]);
}
