using System.Net;

namespace BriefingBot.Articles.Ingestion.Web;

/// <summary>Name resolution, a seam so that tests can make a name resolve to any address.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
