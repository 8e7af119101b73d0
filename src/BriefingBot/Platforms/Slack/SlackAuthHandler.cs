using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Adds the bearer token to Web API calls, and only to those: a response_url or an upload URL is another host
/// and never sees a token.
/// </summary>
public sealed class SlackAuthHandler(IOptions<SlackOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (request.RequestUri is { } uri && settings.ApiBaseUrl.IsBaseOf(uri))
        {
            var useAppToken = request.Options.TryGetValue(SlackRequestOptions.UseAppToken, out var app) && app;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", useAppToken ? settings.AppToken : settings.BotToken);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
