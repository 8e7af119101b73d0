using System.Diagnostics;

namespace BriefingBot.Hosting.Telemetry;

/// <summary>The trace source for command handling (one span per dispatched command).</summary>
public static class BotActivity
{
    public const string SourceName = "BriefingBot";

    public static readonly ActivitySource Source = new(SourceName);
}
