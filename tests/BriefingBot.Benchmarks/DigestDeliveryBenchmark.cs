using System.Diagnostics;
using System.Globalization;
using BriefingBot.Digests;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>digest-delivery [channels]</c>: the worker (Quartz on SQLite, real delivery and Discord client) with one digest
/// subscription per channel, all due at the same second, delivering through a fake Discord that allows 50 requests in any second. The floor is channels / 50
/// seconds; the target is at most 1.1 times that, with no 429 beyond the first.
/// </summary>
internal static class DigestDeliveryBenchmark
{
    public static async Task<int> RunAsync(int channels, CancellationToken cancellationToken)
    {
        await using var discord = await RateLimitedDiscord.StartAsync();
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        await using var worker = await BenchmarkWorker.StartAsync(
            [
                "--Discord:Token", "bench",
                "--Discord:ApplicationId", "1",
                "--Discord:Mode", "Http",
                "--Discord:PublicKey", Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
                "--Discord:ApiBaseUrl", discord.ApiBase.ToString(),
                "--Scheduler:MaxConcurrency", "16",
            ],
            cancellationToken);
        var scheduler = worker.Services.GetRequiredService<DigestScheduler>();
        var store = worker.Services.GetRequiredService<IDigestStore>();
        var baseline = discord.Created;

        // Every channel's digest is due at the same moment, as "daily 08:00" would be; setting up is not timed.
        var fireAt = DateTimeOffset.UtcNow.AddSeconds(Math.Max(30, channels / 20));
        var cron = string.Create(CultureInfo.InvariantCulture, $"{fireAt.Second} {fireAt.Minute} {fireAt.Hour} * * ?");
        for (var i = 0; i < channels; i++)
        {
            var channel = (700_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            var subscription = await store.SaveSubscriptionAsync(
                new DigestSubscription("discord", channel, cron, cron, "UTC", null, 10, SubscriptionOrigin.Chat), cancellationToken);
            await scheduler.ScheduleAsync(subscription, cancellationToken);
        }

        var setUp = DateTimeOffset.UtcNow;
        if (setUp >= fireAt)
        {
            await Console.Error.WriteLineAsync("Setting up took longer than the lead time; run with fewer channels.");
            return 1;
        }

        await Task.Delay(fireAt - setUp, cancellationToken);
        var clock = Stopwatch.StartNew();
        while (discord.Created - baseline < channels && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(20, cancellationToken);
        }

        var elapsed = clock.Elapsed;
        var delivered = discord.Created - baseline;
        var floor = TimeSpan.FromSeconds((double)channels / RateLimitedDiscord.PerSecond);
        var ratio = elapsed / floor;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"digest-delivery: {delivered}/{channels} channel digests, all due at once, delivered in {elapsed.TotalSeconds:0.00} s; floor at {RateLimitedDiscord.PerSecond}/s {floor.TotalSeconds:0.00} s; ratio {ratio:0.000} (target <= 1.1); 429s {discord.TooManyRequests} (target <= 1)"));
        return delivered == channels && ratio <= 1.1 && discord.TooManyRequests <= 1 ? 0 : 1;
    }
}
