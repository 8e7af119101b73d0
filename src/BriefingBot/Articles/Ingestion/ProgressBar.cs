namespace BriefingBot.Articles.Ingestion;

/// <summary>A one-line text progress bar, redrawn at most every 100 ms; silent when output is not a terminal.</summary>
public sealed class ProgressBar(TextWriter writer, bool enabled) : IProgress<IngestProgress>, IDisposable
{
    private const int Width = 30;
    private readonly Lock gate = new();
    private long lastDraw;
    private bool drawn;

    public void Report(IngestProgress value)
    {
        if (!enabled)
        {
            return;
        }

        lock (gate)
        {
            var now = Environment.TickCount64;
            if (now - lastDraw < 100 && value.Done < value.Total)
            {
                return;
            }

            lastDraw = now;
            var filled = value.Total == 0 ? 0 : (int)((long)Width * value.Done / value.Total);
            var name = value.Current.Length > 40 ? "…" + value.Current[^39..] : value.Current;
            writer.Write($"\r[{new string('#', filled)}{new string('-', Width - filled)}] {value.Done}/{value.Total} {name,-40}");
            drawn = true;
        }
    }

    public void Complete()
    {
        lock (gate)
        {
            if (drawn)
            {
                writer.WriteLine();
                drawn = false;
            }
        }
    }

    public void Dispose() => Complete();
}
