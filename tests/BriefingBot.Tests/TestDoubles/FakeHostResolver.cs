using System.Net;
using BriefingBot.Articles.Ingestion.Web;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>Resolves the names a test chose; anything else as the real resolver would.</summary>
public sealed class FakeHostResolver : IHostResolver
{
    private readonly DnsHostResolver real = new();

    public Dictionary<string, IPAddress[]> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Names.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : real.ResolveAsync(host, cancellationToken);
}
