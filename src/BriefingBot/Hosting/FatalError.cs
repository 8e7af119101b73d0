namespace BriefingBot.Hosting;

/// <summary>
/// A fault the worker cannot run past (a platform rejected its token): records the one line the user needs and stops
/// the host; <see cref="BriefingBotBuilder.RunBriefingBotAsync"/> then exits through <see cref="StartupGuard"/> with it.
/// </summary>
public sealed class FatalError(IHostApplicationLifetime lifetime)
{
    private string? message;

    /// <summary>The first fatal message, or null while the worker is fine.</summary>
    public string? Message => Volatile.Read(ref message);

    public void Stop(string userMessage)
    {
        Interlocked.CompareExchange(ref message, userMessage, null);
        lifetime.StopApplication();
    }

    /// <summary>The environment variable that sets configuration key <paramref name="key"/> (<c>Discord:Token</c>).</summary>
    public static string Variable(string key) => BriefingBotBuilder.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal);
}
