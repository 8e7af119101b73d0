using Microsoft.Extensions.Options;

namespace BriefingBot.Hosting;

/// <summary>Turns the start-up errors a user can fix into one line on standard error and exit code 2.</summary>
public static class StartupGuard
{
    public const int ConfigurationErrorExitCode = 2;

    public static async Task<int> RunAsync(string[] args, Func<BotCommandLine, CancellationToken, Task<int>> run)
    {
        try
        {
            return await run(BotCommandLine.Parse(args), CancellationToken.None);
        }
        catch (Exception ex) when (Describe(ex) is { } message)
        {
            await Console.Error.WriteLineAsync($"briefingbot: {message}");
            return ConfigurationErrorExitCode;
        }
    }

    /// <summary>The user-facing line for a start-up error, or null when it is a bug (and should crash loudly).</summary>
    internal static string? Describe(Exception exception) => exception switch
    {
        BotStartupException e => e.Message,
        OptionsValidationException e => "configuration error: " + string.Join("; ", e.Failures),
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            "configuration error: " + e.Message + " " + e.InnerException?.Message,
        IOException e when e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException =>
            e.Message + " Another program holds that port: set Urls (or --urls) to a free address.",
        AggregateException e when e.InnerExceptions.Count == 1 => Describe(e.InnerExceptions[0]),
        _ => null,
    };
}
