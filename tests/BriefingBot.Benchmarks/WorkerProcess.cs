using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BriefingBot.Benchmarks;

/// <summary>
/// The worker as its own process (<c>dotnet BriefingBot.dll</c> beside this tool), on a free loopback port with its
/// store in a temporary folder, so its CPU time (/proc/pid/stat) is the server's alone; stopped with SIGTERM.
/// </summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private WorkerProcess(Process process, string folder, Uri address)
    {
        this.process = process;
        this.folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => process.Id;

    /// <summary>Starts the worker with these switches (and loopback, store, headless), and waits for <c>/readyz</c>.</summary>
    public static Task<WorkerProcess> StartAsync(IEnumerable<string> switches, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var port = FreePort();
        return LaunchAsync(["BriefingBot.dll", "--urls", $"http://127.0.0.1:{port}", .. switches], port, environment, cancellationToken);
    }

    /// <summary>The bare reference endpoints (<see cref="BareEndpoints"/>): this tool itself, run as a process with the <c>bare-server</c> verb.</summary>
    public static Task<WorkerProcess> StartBareAsync(string slackSecret, string discordPublicKey, CancellationToken cancellationToken)
    {
        var port = FreePort();
        return LaunchAsync(
            ["BriefingBot.Benchmarks.dll", "bare-server", port.ToString(CultureInfo.InvariantCulture), slackSecret, discordPublicKey], port, null, cancellationToken);
    }

    private static async Task<WorkerProcess> LaunchAsync(string[] arguments, int port, IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("briefingbot-bench-worker-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, arguments[0]));
        foreach (var value in arguments[1..])
        {
            start.ArgumentList.Add(value);
        }

        start.Environment["BriefingBot__Storage__SqlitePath"] = Path.Combine(folder, "data", "briefingbot.db");
        start.Environment["BriefingBot__Shell__Enabled"] = "false";
        start.Environment["BriefingBot__Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var errors = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (errors)
                {
                    if (errors.Count < 20)
                    {
                        errors.Add(line);
                    }
                }
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var worker = new WorkerProcess(process, folder, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await worker.DisposeAsync();
                throw new InvalidOperationException($"the worker exited with {process.ExitCode} before it was ready: {string.Join(Environment.NewLine, errors)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(worker.Address, "/readyz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return worker;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not listening yet.
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                await worker.DisposeAsync();
                throw new TimeoutException("the worker was not ready within 2 minutes");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    /// <summary>User plus system CPU time of every thread of the worker so far (clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        // /proc/pid/stat: the command name may hold spaces, so count fields after its closing parenthesis.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Resident memory now (VmRSS), in KiB.</summary>
    public long RssKilobytes()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var kill = Process.Start("kill", $"-TERM {process.Id}"))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
            }
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
