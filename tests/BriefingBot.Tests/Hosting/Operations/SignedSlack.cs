using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using BriefingBot.Tests.Platforms.Slack;

namespace BriefingBot.Tests.Hosting.Operations;

/// <summary>Slack HTTP-mode requests as Slack signs them, for tests that talk to a worker process.</summary>
internal static class SignedSlack
{
    public const string Form = "application/x-www-form-urlencoded";

    public static string CommandBody(string command, string text, Uri responseUrl) =>
        $"team_id=T1&channel_id=C1&user_id=U1&user_name=rainer&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}"
        + $"&response_url={Uri.EscapeDataString(responseUrl.AbsoluteUri)}&trigger_id=1.2.3";

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string path, string body, string contentType, CancellationToken cancellationToken, string secret = SlackTestHost.SigningSecret)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackTestHost.Sign(secret, ts, body));
        return await client.SendAsync(request, cancellationToken);
    }
}
