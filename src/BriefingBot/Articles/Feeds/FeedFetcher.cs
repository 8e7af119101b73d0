using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Web;
using Microsoft.Extensions.Options;

namespace BriefingBot.Articles.Feeds;

public enum FeedFetchStatus
{
    /// <summary>200 with a body.</summary>
    Fetched,

    /// <summary>304: nothing changed since the validators we sent; nothing to parse.</summary>
    NotModified,

    /// <summary>Worth trying again later (5xx, 429, timeouts, network errors, other 4xx).</summary>
    Transient,

    NotFound,
    Gone,
    TooLarge,

    /// <summary>The host is private or local and the caller is a chat user.</summary>
    Refused,
}

/// <summary>One conditional GET. <see cref="MaxAge"/> is Cache-Control max-age; <see cref="RetryAfter"/> from 429/503.</summary>
public sealed record FeedFetch(FeedFetchStatus Status, string? Error = null)
{
    public WebDocument? Document { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public TimeSpan? MaxAge { get; init; }

    public TimeSpan? RetryAfter { get; init; }
}

/// <summary>
/// Fetches feeds like a well-mannered reader: our own User-Agent, If-None-Match / If-Modified-Since, one request at a time
/// per host, a size cap and a cap on the whole request (<c>Articles:MaxDownloadBytes</c>, <c>Articles:FetchTimeout</c>),
/// no automatic retries (a failed poll backs off instead). The chat users' client connects only to public addresses.
/// </summary>
public sealed class FeedFetcher(IHttpClientFactory clients, IOptions<ArticlesOptions> articles, IOptions<FeedPollingOptions> polling, TimeProvider time)
{
    public const string OperatorClient = "BriefingBot.Feeds.Operator";
    public const string ChatUserClient = "BriefingBot.Feeds.ChatUser";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> hosts = new(StringComparer.OrdinalIgnoreCase);

    public async Task<FeedFetch> FetchAsync(Uri url, IngestTrust trust, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        var gate = hosts.GetOrAdd(url.IdnHost + ":" + url.Port.ToString(CultureInfo.InvariantCulture), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await SendAsync(url, trust, etag, lastModified, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FeedFetch> SendAsync(Uri url, IngestTrust trust, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        var settings = articles.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.FetchTimeout);
        var client = clients.CreateClient(trust == IngestTrust.ChatUser ? ChatUserClient : OperatorClient);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(polling.Value.UserAgent);
            if (etag is not null && EntityTagHeaderValue.TryParse(etag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            if (lastModified is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
            }

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var maxAge = response.Headers.CacheControl?.MaxAge;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return new FeedFetch(FeedFetchStatus.NotModified) { ETag = etag, LastModified = lastModified, MaxAge = maxAge };
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed(response);
            }

            if (response.Content.Headers.ContentLength > settings.MaxDownloadBytes)
            {
                return new FeedFetch(FeedFetchStatus.TooLarge, TooLarge(settings.MaxDownloadBytes));
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var body = await ReadCappedAsync(stream, settings.MaxDownloadBytes, timeout.Token);
            if (body is null)
            {
                return new FeedFetch(FeedFetchStatus.TooLarge, TooLarge(settings.MaxDownloadBytes));
            }

            var contentType = response.Content.Headers.ContentType;
            var document = new WebDocument(
                response.RequestMessage?.RequestUri ?? url,
                FeedFormats.IsFeed(contentType?.MediaType, body) ? WebDocumentKind.Feed : WebDocumentKind.Page,
                contentType?.MediaType ?? "",
                contentType?.CharSet,
                body);
            return new FeedFetch(FeedFetchStatus.Fetched)
            {
                Document = document,
                ETag = response.Headers.ETag?.ToString(),
                LastModified = response.Content.Headers.LastModified?.ToString("R", CultureInfo.InvariantCulture),
                MaxAge = maxAge,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FeedFetch(FeedFetchStatus.Transient, $"timed out after {settings.FetchTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException ex) when (WebFetcher.FindRefusal(ex) is { } refused)
        {
            return new FeedFetch(FeedFetchStatus.Refused, "refused: " + refused.Message);
        }
        catch (HttpRequestException ex)
        {
            return new FeedFetch(FeedFetchStatus.Transient, "could not fetch: " + ex.Message);
        }
        catch (IOException ex)
        {
            return new FeedFetch(FeedFetchStatus.Transient, "the connection broke: " + ex.Message);
        }
    }

    private FeedFetch Failed(HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        var reason = string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
        var error = $"HTTP {code} {reason}";
        var status = code switch
        {
            404 => FeedFetchStatus.NotFound,
            410 => FeedFetchStatus.Gone,
            _ => FeedFetchStatus.Transient,
        };
        TimeSpan? retryAfter = null;
        if (code is 429 or 503 && response.Headers.RetryAfter is { } after)
        {
            retryAfter = after.Delta ?? (after.Date is { } date ? date - time.GetUtcNow() : null);
            if (retryAfter < TimeSpan.Zero)
            {
                retryAfter = TimeSpan.Zero;
            }
        }

        return new FeedFetch(status, error) { RetryAfter = retryAfter };
    }

    /// <summary>The body, or null once it passes <paramref name="cap"/> (a feed without Content-Length must stop by itself).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, long cap, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string TooLarge(long cap) =>
        cap % (1024 * 1024) == 0 ? $"larger than {cap / (1024 * 1024)} MB" : $"larger than {cap} bytes";
}
