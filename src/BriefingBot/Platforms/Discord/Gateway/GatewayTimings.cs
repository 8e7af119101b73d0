namespace BriefingBot.Platforms.Discord.Gateway;

/// <summary>Waits the gateway client uses between attempts; Discord's values by default, shorter in tests.</summary>
public sealed record GatewayTimings
{
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Discord asks for a random 1-5 s wait after op 9 before identifying again.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan IdentifyWindow { get; init; } = DiscordLimits.IdentifyWindow;
}
