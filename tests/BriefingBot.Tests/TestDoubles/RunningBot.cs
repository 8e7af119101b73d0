using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>
/// A worker started by <see cref="BotProcess.Start"/> that keeps running until disposed. Standard output and error
/// are collected line by line so a test can wait for a log line; disposing kills the whole process tree.
/// </summary>
public sealed partial class RunningBot : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private RunningBot(Process process) => this.process = process;

    /// <summary>Everything the process wrote to standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Everything the process wrote to standard error (the logs) so far.</summary>
    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>Types a line into the process's standard input (the shell reads one command a line).</summary>
    public async Task SendLineAsync(string line)
    {
        await process.StandardInput.WriteLineAsync(line);
        await process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until standard output matches <paramref name="pattern"/>; fails early if the process exits.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var match = pattern.Match(Output);
            if (match.Success)
            {
                return match;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"BriefingBot exited with {process.ExitCode} before printing /{pattern}/; stderr: {Error}; stdout: {Output}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"BriefingBot did not print /{pattern}/; stderr: {Error}; stdout: {Output}");
    }

    public int Id => process.Id;

    /// <summary>Sends SIGTERM, as <c>docker stop</c> and Kubernetes do (Mono.Unix is not available: the <c>kill</c> command).</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", $"-TERM {process.Id}");
        await kill.WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"BriefingBot did not exit within {timeout}; stderr: {Error}");
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        return process.ExitCode;
    }

    /// <summary>Waits for the log line <c>Now listening on: ...</c> and returns that address.</summary>
    public async Task<Uri> WaitForListeningAddressAsync(TimeSpan? timeout = null)
    {
        var match = await WaitForErrorAsync(ListeningPattern(), timeout);
        return new Uri(match.Groups["address"].Value);
    }

    /// <summary>Waits until standard error matches <paramref name="pattern"/>; fails early if the process exits.</summary>
    public async Task<Match> WaitForErrorAsync(Regex pattern, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var match = pattern.Match(Error);
            if (match.Success)
            {
                return match;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException($"BriefingBot exited with {process.ExitCode} before logging /{pattern}/; stderr: {Error}; stdout: {Output}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"BriefingBot did not log /{pattern}/; stderr: {Error}; stdout: {Output}");
    }

    public async ValueTask DisposeAsync()
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
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    internal static RunningBot Start(ProcessStartInfo start)
    {
        var process = new Process { StartInfo = start };
        var bot = new RunningBot(process);
        process.OutputDataReceived += (_, e) => Append(bot.output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(bot.error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningPattern();
}
