using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Slack;

/// <summary>Waits for the <see cref="SlackRatePacer"/> before each attempt of a Web API call (not response_url posts).</summary>
public sealed class SlackPacingHandler(SlackRatePacer pacer, IOptions<SlackOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && options.Value.ApiBaseUrl.IsBaseOf(uri))
        {
            request.Options.TryGetValue(SlackRequestOptions.Channel, out var channel);
            await pacer.WaitAsync(uri.Segments[^1], channel, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
