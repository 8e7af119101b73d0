namespace BriefingBot.Platforms.Discord.Rest;

/// <summary>
/// Counts 401/403/429 answers in a sliding window and refuses to send once the budget is spent, far below the
/// 10,000 that get the IP banned. After a 401 the token is known bad: nothing more is sent with it.
/// </summary>
public sealed class InvalidRequestGuard(TimeProvider time, int budget = DiscordLimits.InvalidRequestBudget)
{
    private readonly Queue<DateTimeOffset> recent = new();
    private readonly Lock gate = new();
    private bool unauthorized;

    public bool TokenRejected
    {
        get
        {
            lock (gate)
            {
                return unauthorized;
            }
        }
    }

    /// <summary>Null when a request may go out, else why not.</summary>
    public string? Refusal()
    {
        lock (gate)
        {
            if (unauthorized)
            {
                return "Discord rejected the bot token (401); check Discord:Token and restart.";
            }

            Trim();
            return recent.Count >= budget
                ? $"{recent.Count} invalid requests (401/403/429) in the last {DiscordLimits.InvalidRequestWindow.TotalMinutes:0} minutes; pausing to avoid a ban."
                : null;
        }
    }

    public void Record(int statusCode, bool sharedScope)
    {
        if (statusCode is not (401 or 403 or 429) || (statusCode == 429 && sharedScope))
        {
            return;
        }

        lock (gate)
        {
            unauthorized |= statusCode == 401;
            recent.Enqueue(time.GetUtcNow());
            Trim();
        }
    }

    private void Trim()
    {
        var cutoff = time.GetUtcNow() - DiscordLimits.InvalidRequestWindow;
        while (recent.TryPeek(out var oldest) && oldest < cutoff)
        {
            recent.Dequeue();
        }
    }
}
