using System.Collections.Concurrent;

namespace BriefingBot.Chat;

/// <summary>
/// Which long-lived platform connections (Discord gateway, Slack Socket Mode) are up, for <c>/readyz</c>.
/// A platform in an HTTP mode holds no connection and does not report here.
/// </summary>
public sealed class PlatformStatus
{
    private readonly ConcurrentDictionary<string, string> states = new(StringComparer.Ordinal);

    public const string Connected = "connected";

    /// <summary>Registers a platform that must connect before the worker is ready.</summary>
    public void Expect(string platform) => states.TryAdd(platform, "connecting");

    public void Up(string platform) => states[platform] = Connected;

    public void Down(string platform, string state) => states[platform] = state;

    public IReadOnlyDictionary<string, string> Snapshot() => states.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
