using System.Diagnostics;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>Runs the real, built BriefingBot executable as a new user would, with its own SQLite file and working directory.</summary>
public sealed class BotProcess : IDisposable
{
    private static readonly string AppDll = Path.Combine(AppContext.BaseDirectory, "BriefingBot.dll");

    public BotProcess()
    {
        WorkingDirectory = Directory.CreateTempSubdirectory("briefingbot-e2e-").FullName;
        Environment["BriefingBot__Storage__SqlitePath"] = Path.Combine(WorkingDirectory, "data", "briefingbot.db");

        // appsettings.json listens on localhost:5080; tests run in parallel, so each process takes a free port
        // unless a test passes --urls (the command line wins over the environment).
        Environment["Urls"] = "http://127.0.0.1:0";
    }

    public string WorkingDirectory { get; }

    public string DatabasePath => Environment["BriefingBot__Storage__SqlitePath"]!;

    public Dictionary<string, string?> Environment { get; } = new();

    public async Task<BotRun> RunAsync(string input, CancellationToken cancellationToken, params string[] args)
    {
        var start = CreateStartInfo(args);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"BriefingBot {string.Join(' ', args)} did not exit; stderr: {await stderr}");
        }

        return new BotRun(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running worker (stdin stays open); the caller stops it by disposing the result.</summary>
    public RunningBot Start(params string[] args) => RunningBot.Start(CreateStartInfo(args));

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ProcessStartInfo CreateStartInfo(string[] args)
    {
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

        return start;
    }
}

public sealed record BotRun(int ExitCode, string Output, string Error);
