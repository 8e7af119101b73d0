using BriefingBot.Articles;
using BriefingBot.Chat;
using Quartz;

namespace BriefingBot.Hosting;

/// <summary>
/// <c>GET /readyz</c>: 200 when the store answers, every platform that holds a connection is connected and the
/// scheduler runs; otherwise 503. The body names each part and its state.
/// </summary>
public static class Readiness
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(3);

    public static async Task<IResult> CheckAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var checks = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (services.GetService<IArticleStore>() is { } store)
        {
            checks["store"] = await StoreStateAsync(store, cancellationToken);
        }

        foreach (var (platform, state) in services.GetRequiredService<PlatformStatus>().Snapshot())
        {
            checks[platform] = state;
        }

        if (services.GetService<ISchedulerFactory>() is { } factory)
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var state = await scheduler.GetStatus(cancellationToken);
            checks["scheduler"] = state == SchedulerStatus.Running ? "running" : state.ToString().ToLowerInvariant();
        }

        var ready = checks.Values.All(v => v is "ok" or "running" or PlatformStatus.Connected);
        return Results.Json(new { status = ready ? "ready" : "not ready", checks }, statusCode: ready ? 200 : 503);
    }

    private static async Task<string> StoreStateAsync(IArticleStore store, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StoreTimeout);
        try
        {
            await store.CountAsync(timeout.Token);
            return "ok";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The type only: provider messages can carry host names, never worth leaking to an unauthenticated probe.
            return "unreachable (" + ex.GetType().Name + ")";
        }
    }
}
