namespace BriefingBot.Platforms;

/// <summary>
/// Takes credentials out of what we log, by position rather than by look: the token segment of Discord webhook and
/// interaction URLs (<c>/webhooks/{id}/{token}</c>, <c>/interactions/{id}/{token}/callback</c>), the secret part of a
/// Slack hook or response URL (<c>/commands|actions|services|triggers/{team}/…</c>, everything after the team), every query string (Socket Mode tickets), and
/// any <c>Authorization</c> value. A token of any length is masked.
/// </summary>
public static class TokenRedaction
{
    public const string Mask = "{redacted}";

    private static readonly HashSet<string> TokenAfterId = new(StringComparer.OrdinalIgnoreCase) { "webhooks", "interactions" };

    private static readonly HashSet<string> SlackHooks = new(StringComparer.OrdinalIgnoreCase) { "commands", "actions", "services", "triggers" };

    /// <summary>The address without its credentials: scheme, host and port kept, token segments and query masked.</summary>
    public static string Url(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        var path = Path(uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0]);
        var query = (uri.IsAbsoluteUri ? uri.Query : uri.OriginalString.Contains('?', StringComparison.Ordinal) ? "?" : string.Empty).Length > 0 ? "?" + Mask : string.Empty;
        return uri.IsAbsoluteUri ? $"{uri.Scheme}://{uri.Authority}{path}{query}" : path + query;
    }

    /// <summary>Only where the address points (scheme, host, port): for a URL that is itself the credential (a Slack response_url, an upload URL).</summary>
    public static string Origin(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? $"{uri.Scheme}://{uri.Authority}/{Mask}" : Mask;

    /// <summary>A path with the token segments masked.</summary>
    public static string Path(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (TokenAfterId.Contains(segments[i]) && i + 2 < segments.Length)
            {
                segments[i + 2] = Mask;
                i += 2;
            }
            else if (i == 1 && SlackHooks.Contains(segments[i]) && segments.Length > 2)
            {
                for (var j = i + 1; j < segments.Length; j++)
                {
                    segments[j] = j == i + 1 ? segments[j] : Mask;
                }

                break;
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>A header value fit for a log: never the value of <c>Authorization</c> (or <c>Proxy-Authorization</c>).</summary>
    public static string Header(string name, string? value) =>
        name.EndsWith("Authorization", StringComparison.OrdinalIgnoreCase) ? Mask : value ?? string.Empty;
}
