using System.Threading.Channels;

namespace BriefingBot.Analysis;

/// <summary>
/// Tells the <see cref="AnalysisWorker"/> that new articles may be waiting. Signals coalesce: many pokes while a
/// pass runs cause one more pass, never a backlog of pokes.
/// </summary>
public sealed class AnalysisQueue
{
    private readonly Channel<bool> signals = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    /// <summary>Asks for a pass over unanalysed articles; never blocks.</summary>
    public void Signal() => signals.Writer.TryWrite(true);

    /// <summary>Completes when a signal is (or already was) pending, and consumes it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) => await signals.Reader.ReadAsync(cancellationToken);
}
