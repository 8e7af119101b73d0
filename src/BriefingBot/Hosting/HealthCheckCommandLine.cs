namespace BriefingBot.Hosting;

/// <summary>
/// <c>healthcheck</c>: GET /healthz on the first configured URL, with wildcard hosts mapped to loopback.
/// Exit 0 when alive, 1 otherwise. The ASP.NET runtime image has no curl, so the container asks the app itself.
/// </summary>
public static class HealthCheckCommandLine
{
    public static async Task<int> RunAsync(string? urls, CancellationToken cancellationToken)
    {
        var first = (urls ?? "http://localhost:5080").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var target = first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(target), "/healthz"), cancellationToken);
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"unhealthy: {target}/healthz: {ex.Message}");
            return 1;
        }
    }
}
