using System.Diagnostics;
using System.Net;

namespace BriefingBot.Benchmarks;

/// <summary>
/// Closed-loop HTTP load against a loopback server: <c>concurrency</c> clients each send one request, wait for the
/// answer and send the next, for a warm-up and then for the measured seconds; prints throughput and latency percentiles.
/// </summary>
internal static class HttpLoad
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs the load after one probe request whose 200 answer must contain <paramref name="expectedInAnswer"/>.</summary>
    public static async Task<int> RunAsync(
        string name, Uri baseAddress, Func<HttpRequestMessage> createRequest, string expectedInAnswer, int seconds, int concurrency, CancellationToken cancellationToken,
        Func<TimeSpan>? serverCpu = null) =>
        await MeasureAsync(name, baseAddress, createRequest, expectedInAnswer, seconds, concurrency, cancellationToken, serverCpu) is { Failed: 0, Ok: > 0 } ? 0 : 1;

    /// <summary>
    /// Like <see cref="RunAsync"/>, returning the figures it prints; null when the probe failed. <paramref name="settle"/>
    /// runs after the measured phase and before the server's CPU is read, so follow-up work the requests started is counted.
    /// </summary>
    public static async Task<LoadResult?> MeasureAsync(
        string name, Uri baseAddress, Func<HttpRequestMessage> createRequest, string expectedInAnswer, int seconds, int concurrency, CancellationToken cancellationToken,
        Func<TimeSpan>? serverCpu = null, Func<CancellationToken, Task>? settle = null)
    {
        if (!IPAddress.IsLoopback(IPAddress.Parse(baseAddress.Host)))
        {
            throw new InvalidOperationException($"load goes to loopback only, not {baseAddress}");
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = RequestTimeout };
        try
        {
            using var probe = createRequest();
            using var answer = await client.SendAsync(probe, cancellationToken);
            var body = await answer.Content.ReadAsStringAsync(cancellationToken);
            if (answer.StatusCode != HttpStatusCode.OK || !body.Contains(expectedInAnswer, StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync($"{name}: probe answered {(int)answer.StatusCode} without \"{expectedInAnswer}\": {body}");
                return null;
            }
        }
        catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{name}: probe failed: {ex.Message}");
            return null;
        }

        Console.WriteLine($"{name}: load average before {LoadAverage()}");
        await PhaseAsync(client, createRequest, WarmUp, concurrency, cancellationToken);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var serverBefore = serverCpu?.Invoke() ?? TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        var results = await PhaseAsync(client, createRequest, TimeSpan.FromSeconds(seconds), concurrency, cancellationToken);
        var elapsed = clock.Elapsed;
        if (settle is not null)
        {
            await settle(cancellationToken);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var server = (serverCpu?.Invoke() ?? TimeSpan.Zero) - serverBefore;

        var latencies = results.SelectMany(r => r.Latencies).ToArray();
        Array.Sort(latencies);
        var failed = results.Sum(r => r.Failed);
        var firstFailure = results.Select(r => r.FirstFailure).FirstOrDefault(f => f is not null);
        Console.WriteLine($"{name}: {seconds} s, {concurrency} clients: {latencies.Length} ok (200), {failed} failed{(firstFailure is null ? string.Empty : $" (first: {firstFailure})")}");
        if (serverCpu is null)
        {
            Console.WriteLine($"{name}: {latencies.Length / elapsed.TotalSeconds:F0} requests/s; CPU {cpu.TotalMilliseconds / Math.Max(1, latencies.Length + failed):F3} ms per request (client and server share the process)");
        }
        else
        {
            Console.WriteLine(
                $"{name}: {latencies.Length / elapsed.TotalSeconds:F0} requests/s; server CPU {server.TotalMicroseconds / Math.Max(1, latencies.Length + failed):F0} µs per request (worker process; load generator {cpu.TotalMicroseconds / Math.Max(1, latencies.Length + failed):F0} µs)");
        }

        if (latencies.Length > 0)
        {
            Console.WriteLine(
                $"{name}: latency ms p50 {Percentile(latencies, 0.50):F2}, p95 {Percentile(latencies, 0.95):F2}, p99 {Percentile(latencies, 0.99):F2}, max {latencies[^1]:F2}");
        }

        Console.WriteLine($"{name}: load average after {LoadAverage()}");
        return new LoadResult(
            latencies.Length,
            failed,
            latencies.Length / elapsed.TotalSeconds,
            latencies.Length == 0 ? 0 : Percentile(latencies, 0.50),
            latencies.Length == 0 ? 0 : Percentile(latencies, 0.99),
            server.TotalMicroseconds / Math.Max(1, latencies.Length + failed),
            LoadAverage());
    }

    private static async Task<ClientResult[]> PhaseAsync(
        HttpClient client, Func<HttpRequestMessage> createRequest, TimeSpan duration, int concurrency, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clients = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => ClientAsync(client, createRequest, deadline, cancellationToken), cancellationToken));
        return await Task.WhenAll(clients);
    }

    /// <summary>One client: stops at the deadline; a request in flight then finishes or times out (<see cref="RequestTimeout"/>).</summary>
    private static async Task<ClientResult> ClientAsync(HttpClient client, Func<HttpRequestMessage> createRequest, long deadline, CancellationToken cancellationToken)
    {
        var result = new ClientResult();
        while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            using var request = createRequest();
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    result.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    result.Fail($"HTTP {(int)response.StatusCode}");
                }
            }
            catch (Exception ex) when ((ex is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
            {
                result.Fail(ex.GetType().Name + ": " + ex.Message);
            }
        }

        return result;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class ClientResult
    {
        public List<double> Latencies { get; } = new(4096);

        public int Failed { get; private set; }

        public string? FirstFailure { get; private set; }

        public void Fail(string reason)
        {
            Failed++;
            FirstFailure ??= reason;
        }
    }
}

/// <summary>One measured phase: requests answered 200 and failed, throughput, latency (ms) and server CPU (µs) per request.</summary>
internal sealed record LoadResult(int Ok, int Failed, double RequestsPerSecond, double P50, double P99, double ServerCpuMicroseconds, string LoadAverage);
