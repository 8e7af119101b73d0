namespace BriefingBot.Hosting;

/// <summary>
/// Graceful shutdown for work already accepted (interactions, their follow-ups): platforms stop taking new work when the
/// host stops them; this service, stopped after them, waits until every piece of work begun with <see cref="Begin"/> has
/// ended, bounded by the host's shutdown timeout (<c>Hosting:ShutdownTimeoutSeconds</c>). Work runs on
/// <see cref="Aborted"/>, which is cancelled only when that bound is reached.
/// </summary>
public sealed partial class ShutdownDrain(ILogger<ShutdownDrain> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource abort = new();
    private readonly Lock gate = new();
    private int inFlight;
    private TaskCompletionSource? idle;

    /// <summary>Cancelled when shutdown gives up waiting; the token for accepted work instead of ApplicationStopping.</summary>
    public CancellationToken Aborted => abort.Token;

    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Marks one piece of accepted work; dispose the result when it has ended.</summary>
    public IDisposable Begin()
    {
        lock (gate)
        {
            inFlight++;
        }

        return new Lease(this);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task wait;
        lock (gate)
        {
            if (inFlight == 0)
            {
                return;
            }

            idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            wait = idle.Task;
        }

        LogDraining(InFlight);
        try
        {
            await wait.WaitAsync(cancellationToken);
            LogDrained();
        }
        catch (OperationCanceledException)
        {
            LogGaveUp(InFlight);
            await abort.CancelAsync();
        }
    }

    public void Dispose() => abort.Dispose();

    private void End()
    {
        lock (gate)
        {
            if (--inFlight == 0)
            {
                idle?.TrySetResult();
            }
        }
    }

    private sealed class Lease(ShutdownDrain drain) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                drain.End();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: waiting for {Count} interaction(s) in flight")]
    private partial void LogDraining(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: every interaction in flight was answered")]
    private partial void LogDrained();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down: gave up on {Count} interaction(s) still in flight (Hosting:ShutdownTimeoutSeconds reached)")]
    private partial void LogGaveUp(int count);
}
