using Microsoft.Extensions.Options;

namespace BriefingBot.Web;

/// <summary>
/// Page addresses for "Open in browser" buttons on chat messages: null unless the web view is on and
/// <c>Web:BaseUrl</c> says where people reach it. Links carry no token; the page asks for a session.
/// </summary>
public sealed class WebLinks(IOptions<WebOptions> options)
{
    public const string ButtonLabel = "Open in browser";

    public string? Poll(long pollId) => Link($"web/polls/{pollId}");

    public string? Story(long storyId) => Link($"web/stories/{storyId}");

    public string? Actor(string actorId) => Link("web/actors/" + Uri.EscapeDataString(actorId));

    public string? Digests(string channelId) => Link("web/channels/" + Uri.EscapeDataString(channelId) + "/digests");

    public string? Forecasts(string channelId) => Link("web/channels/" + Uri.EscapeDataString(channelId) + "/forecasts");

    public string? Forecaster(string userId) => Link("web/forecasters/" + Uri.EscapeDataString(userId));

    private string? Link(string path) =>
        options.Value is { Enabled: true, BaseUri: { } root } ? new Uri(root, path).AbsoluteUri : null;
}
