namespace BriefingBot.Platforms.Slack;

public enum SlackMode
{
    /// <summary>An outbound WebSocket; needs no public URL. Needs the app-level token.</summary>
    SocketMode,

    /// <summary>Slack POSTs to /slack/commands, /slack/interactivity and /slack/events. Needs the signing secret.</summary>
    Http,
}
