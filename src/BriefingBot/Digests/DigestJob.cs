using Quartz;

namespace BriefingBot.Digests;

/// <summary>
/// One channel's digest job. Non-concurrent (cluster-wide on the shared store) so a channel's runs never overlap, and
/// recoverable so a firing cut short by a crash is executed again at start-up (or by another node).
/// </summary>
[DisallowConcurrentExecution]
public sealed class DigestJob(DigestDelivery delivery) : IJob
{
    public const string PlatformKey = "platform";
    public const string ChannelKey = "channel";
    public const string ManualKey = "manual";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var platform = data.GetString(PlatformKey) ?? throw new JobExecutionException("The digest job has no platform.");
        var channel = data.GetString(ChannelKey) ?? throw new JobExecutionException("The digest job has no channel.");
        var fireTime = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var manual = string.Equals(data.GetString(ManualKey), "true", StringComparison.Ordinal);
        await delivery.RunAsync(new DigestFire(platform, channel, TruncateToSecond(fireTime), context.Recovering, manual), cancellationToken);
    }

    /// <summary>Stored times have microsecond precision; a fire key to the second is exact in both stores.</summary>
    internal static DateTimeOffset TruncateToSecond(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
