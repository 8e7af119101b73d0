using System.Diagnostics;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// Runs the real, built BriefingBot executable as a long-running worker, configured only through environment variables,
/// with its own working directory and SQLite file. Unlike <see cref="BotProcess"/> it keeps standard input open and the
/// process running until the test disposes it; then the process (tree) is killed.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private const string ListeningPrefix = "Now listening on: ";
    private static readonly string AppDll = Path.Combine(AppContext.BaseDirectory, "BriefingBot.dll");

    private readonly List<string> errorLines = [];
    private readonly List<string> outputLines = [];
    private Process? process;

    public WorkerProcess()
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("briefingbot-worker-").FullName;
        Environment["BriefingBot__Storage__SqlitePath"] = Path.Combine(WorkingDirectory, "data", "briefingbot.db");
    }

    public string WorkingDirectory { get; }

    public Dictionary<string, string?> Environment { get; } = new();

    /// <summary>Standard error so far (the worker's log).</summary>
    public string Error
    {
        get
        {
            lock (errorLines)
            {
                return string.Join('\n', errorLines);
            }
        }
    }

    /// <summary>Standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (outputLines)
            {
                return string.Join('\n', outputLines);
            }
        }
    }

    /// <summary>Starts <c>dotnet BriefingBot.dll</c> with <see cref="Environment"/> and nothing else from the caller's BriefingBot__ variables.</summary>
    public void Start(params string[] args)
    {
        if (process is not null)
        {
            throw new InvalidOperationException("The worker is already started.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean slate: nothing from the developer's or CI's environment configures the bot.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BriefingBot__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) => Append(errorLines, e.Data);
        process.OutputDataReceived += (_, e) => Append(outputLines, e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    /// <summary>Waits until a line of standard error contains <paramref name="text"/>; returns that line. Fails fast if the worker exits.</summary>
    public async Task<string> WaitForErrorLineAsync(string text, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var running = process ?? throw new InvalidOperationException("The worker is not started.");
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            lock (errorLines)
            {
                if (errorLines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
                {
                    return line;
                }
            }

            if (running.HasExited)
            {
                running.WaitForExit(); // drains the asynchronous readers
                throw new InvalidOperationException($"The worker exited with {running.ExitCode} before logging \"{text}\"; stderr:\n{Error}\nstdout:\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The worker did not log \"{text}\"; stderr:\n{Error}");
            }

            await Task.Delay(25, cancellationToken);
        }
    }

    /// <summary>The address Kestrel bound (from the "Now listening on:" log line), for <c>http://127.0.0.1:0</c>.</summary>
    public async Task<Uri> WaitForListeningAsync(CancellationToken cancellationToken)
    {
        var line = await WaitForErrorLineAsync(ListeningPrefix, cancellationToken);
        return new Uri(line[(line.IndexOf(ListeningPrefix, StringComparison.Ordinal) + ListeningPrefix.Length)..].Trim());
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
            {
            }
            finally
            {
                process.Dispose();
            }
        }

        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void Append(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }
}
