using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows how many one-shot timers (every <c>Task.Delay</c> on it) are waiting,
/// so a protocol test advances time only once the code under test has started the wait it means to cut short.
/// </summary>
public sealed class ScriptedClock() : FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero))
{
    private readonly List<TimeSpan> waiting = [];

    /// <summary>Due times (from their start) of the timers still waiting.</summary>
    public IReadOnlyList<TimeSpan> Waiting
    {
        get
        {
            lock (waiting)
            {
                return [.. waiting];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var entry = new Entry(this, dueTime);
        lock (waiting)
        {
            waiting.Add(dueTime);
        }

        var timer = base.CreateTimer(s =>
        {
            if (period == Timeout.InfiniteTimeSpan)
            {
                entry.Done();
            }

            callback(s);
        }, state, dueTime, period);
        return new TrackedTimer(timer, entry);
    }

    /// <summary>Waits (real time, bounded) until a timer matching <paramref name="match"/> is waiting; returns its due time.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            var found = Waiting.Where(d => match?.Invoke(d) ?? true).ToList();
            if (found.Count > 0)
            {
                return found.Min();
            }

            await Task.Yield();
            await Task.Delay(1);
        }

        throw new TimeoutException($"No matching timer started; waiting: {string.Join(", ", Waiting)}.");
    }

    /// <summary>Waits for the timer, then moves time to its end: the wait the code is in completes now.</summary>
    public async Task<TimeSpan> CompleteTimerAsync(Func<TimeSpan, bool>? match = null)
    {
        var due = await WaitForTimerAsync(match);
        Advance(due);
        return due;
    }

    private void Remove(TimeSpan dueTime)
    {
        lock (waiting)
        {
            waiting.Remove(dueTime);
        }
    }

    private sealed class Entry(ScriptedClock clock, TimeSpan dueTime)
    {
        private int done;

        public void Done()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                clock.Remove(dueTime);
            }
        }
    }

    private sealed class TrackedTimer(ITimer inner, Entry entry) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(dueTime, period);

        public void Dispose()
        {
            entry.Done();
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            entry.Done();
            return inner.DisposeAsync();
        }
    }
}
