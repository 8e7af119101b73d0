using System.Net;
using System.Net.Sockets;

namespace BriefingBot.Articles.Ingestion.Web;

/// <summary>
/// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself and connects only to allowed
/// addresses. Checking at connect time covers redirects and DNS rebinding: the address checked is the address used.
/// </summary>
public sealed class GuardedConnector(IHostResolver resolver, Func<IPAddress, bool> isAllowed)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var addresses = await resolver.ResolveAsync(endpoint.Host, cancellationToken);
        var allowed = addresses.Where(isAllowed).ToList();
        if (allowed.Count == 0)
        {
            throw new RefusedHostException(endpoint.Host);
        }

        SocketException? lastError = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError!;
    }
}
