namespace BriefingBot.Platforms.Slack;

/// <summary>Per-request hints from <see cref="SlackApiClient"/> to its handlers.</summary>
internal static class SlackRequestOptions
{
    /// <summary>Authenticate with the app-level token (apps.connections.open) instead of the bot token.</summary>
    public static readonly HttpRequestOptionsKey<bool> UseAppToken = new("slack.app-token");

    /// <summary>The channel a message goes to, for per-channel pacing.</summary>
    public static readonly HttpRequestOptionsKey<string> Channel = new("slack.channel");
}
