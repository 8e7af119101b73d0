using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace BriefingBot.Benchmarks;

/// <summary>
/// <c>startup [runs] [BriefingBot.dll] [idle seconds]</c>: starts the worker as a process (SQLite, no platform, headless), times process
/// start to the first <c>/readyz</c> 200, then after the idle seconds (default 2; the issue's figure is 20) reads VmRSS (/proc/pid/status) and Pss
/// (/proc/pid/smaps_rollup), and stops it with SIGTERM. The first run creates the store (migrations, sample ingestion);
/// later runs reuse it, as a restart does.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<int> RunAsync(int runs, string? appDll, CancellationToken cancellationToken, int idleSeconds = 2)
    {
        var dll = Path.GetFullPath(appDll ?? Path.Combine(AppContext.BaseDirectory, "BriefingBot.dll"));
        var folder = Directory.CreateTempSubdirectory("briefingbot-bench-startup-").FullName;
        Console.WriteLine($"app: {dll}; VmRSS {idleSeconds} s after ready; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        var results = new List<(double ReadyMs, long RssKb, long PssKb)>();
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var result = await MeasureAsync(dll, folder, idleSeconds, cancellationToken);
                results.Add(result);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}{(run == 1 ? " (new store)" : string.Empty)}: ready in {result.ReadyMs:F0} ms, idle VmRSS {result.RssKb / 1024.0:F1} MiB, Pss {result.PssKb / 1024.0:F1} MiB"));
            }

            var restarts = results.Skip(1).ToList();
            if (restarts.Count > 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"restarts (median of {restarts.Count}): ready in {Median(restarts.Select(r => r.ReadyMs)):F0} ms, VmRSS {Median(restarts.Select(r => r.RssKb / 1024.0)):F1} MiB, Pss {Median(restarts.Select(r => r.PssKb / 1024.0)):F1} MiB"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(double ReadyMs, long RssKb, long PssKb)> MeasureAsync(string dll, string folder, int idleSeconds, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["BriefingBot__Storage__SqlitePath"] = Path.Combine(folder, "data", "briefingbot.db");
        start.Environment["BriefingBot__Shell__Enabled"] = "false";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var readyz = new Uri($"http://127.0.0.1:{port}/readyz");
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"the worker exited with {process.ExitCode} before it was ready");
                }

                try
                {
                    using var response = await http.GetAsync(readyz, cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // Not listening yet, or too busy starting to answer within the client timeout.
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException("the worker was not ready within 2 minutes");
                }

                await Task.Delay(10, cancellationToken);
            }

            var readyMs = clock.Elapsed.TotalMilliseconds;
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds), cancellationToken);
            var rss = ProcKilobytes($"/proc/{process.Id}/status", "VmRSS:");
            var pss = ProcKilobytes($"/proc/{process.Id}/smaps_rollup", "Pss:");
            return (readyMs, rss, pss);
        }
        finally
        {
            using (var kill = Process.Start("kill", $"-TERM {process.Id}"))
            {
                await kill.WaitForExitAsync(cancellationToken);
            }

            await process.WaitForExitAsync(cancellationToken);
        }
    }

    private static long ProcKilobytes(string file, string key)
    {
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
