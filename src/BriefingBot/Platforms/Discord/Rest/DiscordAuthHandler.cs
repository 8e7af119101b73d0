using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Discord.Rest;

/// <summary>Adds <c>Authorization: Bot …</c> and the User-Agent Discord asks for to every REST call.</summary>
public sealed class DiscordAuthHandler(IOptions<DiscordOptions> options) : DelegatingHandler
{
    public const string UserAgent = "DiscordBot (https://github.com/briefingbot, 1.0)";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return base.SendAsync(request, cancellationToken);
    }
}
