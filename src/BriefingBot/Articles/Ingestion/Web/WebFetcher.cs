using System.Globalization;
using System.Xml;
using BriefingBot.Articles.Feeds;
using Microsoft.Extensions.Options;

namespace BriefingBot.Articles.Ingestion.Web;

/// <summary>Fetches a URL with the client for the caller's trust, within the size cap and the timeout.</summary>
public sealed class WebFetcher(IHttpClientFactory clients, IOptions<ArticlesOptions> options)
{
    public const string OperatorClient = "BriefingBot.Ingest.Operator";
    public const string ChatUserClient = "BriefingBot.Ingest.ChatUser";

    private static readonly HashSet<string> PageTypes = new(StringComparer.OrdinalIgnoreCase) { "text/html", "application/xhtml+xml" };

    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    };

    public async Task<WebDocument> FetchAsync(Uri url, IngestTrust trust, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.FetchTimeout);
        var client = clients.CreateClient(trust == IngestTrust.ChatUser ? ChatUserClient : OperatorClient);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            EnsureSuccess(response);
            var contentType = response.Content.Headers.ContentType;
            if (response.Content.Headers.ContentLength > settings.MaxDownloadBytes)
            {
                throw TooLarge(settings.MaxDownloadBytes);
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var body = await ReadCappedAsync(stream, settings.MaxDownloadBytes, timeout.Token);
            var mediaType = contentType?.MediaType ?? "";
            var kind = Classify(mediaType, body) ?? throw new IngestException(
                $"not an HTML page or feed (content-type {(mediaType.Length == 0 ? "missing" : mediaType)})");
            return new WebDocument(response.RequestMessage?.RequestUri ?? url, kind, mediaType, contentType?.CharSet, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IngestException($"timed out after {settings.FetchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refused)
        {
            throw new IngestException("refused: " + refused.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new IngestException("could not fetch: " + ex.Message, ex);
        }
    }

    internal static RefusedHostException? FindRefusal(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is RefusedHostException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static void EnsureSuccess(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var code = (int)response.StatusCode;
        if (code is >= 300 and < 400 && response.Headers.Location is not null)
        {
            throw new IngestException($"too many redirects (HTTP {code} to {response.Headers.Location})");
        }

        var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
        throw new IngestException($"HTTP {code} {reason}");
    }

    private static async Task<byte[]> ReadCappedAsync(Stream stream, long cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                throw TooLarge(cap);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IngestException TooLarge(long cap) =>
        new(cap % (1024 * 1024) == 0 ? $"larger than {cap / (1024 * 1024)} MB" : $"larger than {cap} bytes");

    private static WebDocumentKind? Classify(string mediaType, byte[] body)
    {
        if (PageTypes.Contains(mediaType))
        {
            return WebDocumentKind.Page;
        }

        if (FeedTypes.Contains(mediaType) || IsFeedRoot(body) || FeedFormats.IsJsonFeed(body))
        {
            return WebDocumentKind.Feed;
        }

        return null;
    }

    /// <summary>Feeds are often served as text/plain or octet-stream: recognise them by their root element.</summary>
    internal static bool IsFeedRoot(byte[] body)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(TextDecoding.DecodeXml(body, headerCharset: null)), FeedXml.ReaderSettings);
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName is "rss" or "feed" or "RDF";
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
