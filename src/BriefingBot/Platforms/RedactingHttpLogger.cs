using Microsoft.Extensions.Http.Logging;

namespace BriefingBot.Platforms;

/// <summary>
/// Replaces the HTTP client factory's request logging for the Discord and Slack clients, which writes whole URLs:
/// interaction tokens, webhook tokens and Slack response URLs are credentials in the path. Logs method, the address
/// as <see cref="TokenRedaction"/> leaves it (or as <paramref name="redact"/> does), status and time; never a header.
/// </summary>
public sealed partial class RedactingHttpLogger(string client, ILogger<RedactingHttpLogger> logger, Func<Uri?, string>? redact = null) : IHttpClientLogger
{
    private readonly Func<Uri?, string> redact = redact ?? TokenRedaction.Url;

    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var url = redact(request.RequestUri);
            var method = request.Method.Method;
            var status = (int)response.StatusCode;
            var milliseconds = elapsed.TotalMilliseconds;
            LogAnswered(client, method, url, status, milliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var url = redact(request.RequestUri);
            var method = request.Method.Method;
            var error = exception.GetType().Name;
            var milliseconds = elapsed.TotalMilliseconds;
            LogFailed(client, method, url, error, milliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Client} {Method} {Url} answered {Status} in {Milliseconds} ms")]
    private partial void LogAnswered(string client, string method, string url, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Client} {Method} {Url} failed ({Error}) after {Milliseconds} ms")]
    private partial void LogFailed(string client, string method, string url, string error, double milliseconds);
}
