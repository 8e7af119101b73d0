namespace BriefingBot.Hosting;

/// <summary>What this process was started to do (the first command-line word).</summary>
public enum BotMode
{
    /// <summary>No verb: the long-running worker (shell adapter too when no platform is configured).</summary>
    Worker,

    /// <summary><c>shell</c>: the terminal chat; reads one command a line when input is not a terminal.</summary>
    Shell,

    /// <summary><c>ingest &lt;path|url|feed&gt;...</c>: bulk ingestion, then exit.</summary>
    Ingest,

    /// <summary><c>analyze &lt;file|folder&gt;...</c>: batch analysis, then exit.</summary>
    Analyze,

    /// <summary><c>feeds import &lt;file.opml&gt;</c> or <c>feeds export</c>: the operator's feed list as OPML, then exit.</summary>
    Feeds,

    /// <summary><c>healthcheck</c>: asks a running worker's <c>/healthz</c> on this machine (the container HEALTHCHECK).</summary>
    HealthCheck,
}

/// <summary>The parsed command line: a verb, its arguments, and the rest for configuration (<c>--urls</c>, <c>--Storage:Provider</c>).</summary>
public sealed record BotCommandLine(BotMode Mode, IReadOnlyList<string> Arguments, string[] ConfigurationArgs)
{
    public static BotCommandLine Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new BotCommandLine(BotMode.Worker, [], args);
        }

        var mode = args[0].ToLowerInvariant() switch
        {
            "shell" => BotMode.Shell,
            "ingest" => BotMode.Ingest,
            "analyze" or "analyse" => BotMode.Analyze,
            "run" => BotMode.Worker,
            "healthcheck" => BotMode.HealthCheck,
            "feeds" => BotMode.Feeds,
            _ => throw new BotStartupException($"Unknown command '{args[0]}'. Use: shell, ingest <path|url|feed>..., analyze <file|folder>..., feeds import <file.opml> | feeds export, healthcheck, or no command to run the worker."),
        };

        // Verb arguments come first; configuration switches (--key value or --key=value) follow or interleave.
        var verbArgs = new List<string>();
        var config = new List<string>();
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "--json", "--reanalyze" };
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !flags.Contains(args[i]) && !IsVerbOptionWithValue(args[i]))
            {
                config.Add(args[i]);
                if (!args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    config.Add(args[++i]);
                }
            }
            else
            {
                verbArgs.Add(args[i]);
                if (IsVerbOptionWithValue(args[i]) && i + 1 < args.Length)
                {
                    verbArgs.Add(args[++i]);
                }
            }
        }

        return new BotCommandLine(mode, verbArgs, [.. config]);
    }

    private static bool IsVerbOptionWithValue(string arg) => string.Equals(arg, "--sentences", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A start-up problem the user can fix: printed as one line, without a stack trace.</summary>
public sealed class BotStartupException(string message, Exception? inner = null) : Exception(message, inner);
