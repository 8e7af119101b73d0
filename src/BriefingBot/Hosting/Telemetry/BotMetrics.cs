using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace BriefingBot.Hosting.Telemetry;

/// <summary>
/// Every BriefingBot metric, on the one <see cref="Meter"/> named <see cref="MeterName"/>. Features call the small
/// methods; the instruments and their tags live only here so that names stay consistent across platforms.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "BriefingBot";

    /// <summary>Discord and Slack both drop an interaction whose first response comes later than this.</summary>
    public static readonly TimeSpan InteractionDeadline = TimeSpan.FromSeconds(3);

    private readonly Counter<long> commands;
    private readonly Histogram<double> firstResponse;
    private readonly Counter<long> missedDeadline;
    private readonly Counter<long> digestsSent;
    private readonly Counter<long> digestsFailed;
    private readonly Counter<long> votes;
    private readonly Histogram<double> rateLimitWaits;
    private readonly Counter<long> reconnects;

    public BotMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        commands = Meter.CreateCounter<long>("briefingbot.commands", "{command}", "Slash commands handled, by command, platform and outcome.");
        firstResponse = Meter.CreateHistogram<double>(
            "briefingbot.interaction.first_response", "s", "Time from receiving an interaction to its first response (answer, defer or ack).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 2.5, 3, 5, 10] });
        missedDeadline = Meter.CreateCounter<long>("briefingbot.interaction.missed_deadline", "{interaction}", "Interactions whose first response came after the platform's 3 s deadline.");
        digestsSent = Meter.CreateCounter<long>("briefingbot.digests.sent", "{digest}", "Digests posted.");
        digestsFailed = Meter.CreateCounter<long>("briefingbot.digests.failed", "{digest}", "Digests that could not be posted.");
        votes = Meter.CreateCounter<long>("briefingbot.votes", "{vote}", "Poll votes recorded.");
        rateLimitWaits = Meter.CreateHistogram<double>("briefingbot.rate_limit.wait", "s", "Waits before a platform API call because of rate limits.");
        reconnects = Meter.CreateCounter<long>("briefingbot.reconnects", "{reconnect}", "Discord gateway and Slack Socket Mode reconnects.");
    }

    /// <summary>The meter, for listeners in tests.</summary>
    internal Meter Meter { get; }

    public void CommandHandled(string command, string platform, CommandOutcome outcome) =>
        commands.Add(1, new TagList { { "command", command }, { "platform", platform }, { "outcome", OutcomeName(outcome) } });

    /// <summary>The first response to an interaction went out <paramref name="elapsed"/> after it arrived.</summary>
    public void FirstResponse(string platform, TimeSpan elapsed)
    {
        var tags = new TagList { { "platform", platform } };
        firstResponse.Record(elapsed.TotalSeconds, tags);
        if (elapsed > InteractionDeadline)
        {
            missedDeadline.Add(1, tags);
        }
    }

    public void DigestSent(string platform) => digestsSent.Add(1, new TagList { { "platform", platform } });

    public void DigestFailed(string platform, string reason) =>
        digestsFailed.Add(1, new TagList { { "platform", platform }, { "reason", reason } });

    public void VoteRecorded(string platform) => votes.Add(1, new TagList { { "platform", platform } });

    public void RateLimitWait(string platform, TimeSpan wait)
    {
        if (wait > TimeSpan.Zero)
        {
            rateLimitWaits.Record(wait.TotalSeconds, new TagList { { "platform", platform } });
        }
    }

    /// <summary>A long-lived connection (<c>discord</c> gateway, <c>slack</c> socket) was opened again after the first.</summary>
    public void Reconnected(string platform) => reconnects.Add(1, new TagList { { "platform", platform } });

    private static string OutcomeName(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Answered => "answered",
        CommandOutcome.Rejected => "rejected",
        CommandOutcome.Failed => "failed",
        _ => "unknown",
    };
}

public enum CommandOutcome
{
    /// <summary>The command ran and replied (an error reply from the command itself still counts as answered).</summary>
    Answered,

    /// <summary>Unknown command or invalid options: the user got a usage error.</summary>
    Rejected,

    /// <summary>The handler threw: the user got an error id.</summary>
    Failed,
}
