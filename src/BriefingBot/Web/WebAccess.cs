using System.Security.Cryptography;
using System.Text;
using BriefingBot.Chat.Commands;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace BriefingBot.Web;

/// <summary>
/// Who may see the web view: personal links signed with the key (<see cref="WebToken"/>), sessions they open, and
/// revocation. Neither a token nor a session id is ever logged; only their outcome is.
/// </summary>
public sealed partial class WebAccess(IWebStore store, IOptions<WebOptions> options, TimeProvider time, IServer server, ILogger<WebAccess> logger)
{
    public const string CookieName = "bb_session";
    private const string KeyName = "link-signing";
    private byte[]? key;

    /// <summary>A link for the user who asked, valid for <see cref="WebOptions.LinkLifetime"/>; null when no address is known.</summary>
    public async Task<(Uri Link, DateTimeOffset Expires)?> IssueLinkAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var root = Root();
        if (root is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var expires = now + options.Value.LinkLifetime;
        var grant = new WebGrant(context.Platform, context.WorkspaceId, context.UserId, context.UserName, context.ChannelId,
            now.ToUnixTimeMilliseconds(), expires.ToUnixTimeMilliseconds());
        var token = WebToken.Sign(grant, await KeyAsync(cancellationToken));
        LogLinkIssued(logger, context.Platform, context.WorkspaceId);
        return (new Uri(root, "web/login?token=" + Uri.EscapeDataString(token)), grant.Expires);
    }

    /// <summary>Checks a link's token and opens a session for it: the new cookie value and the session, or why not.</summary>
    /// <summary>Whether the link's token would open a session now, and whose; opens none (a GET of the link, which link previews make).</summary>
    public async Task<(TokenCheck Check, WebGrant? Grant)> CheckLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var (check, grant) = WebToken.Verify(token, await KeyAsync(cancellationToken), time.GetUtcNow());
        if (grant is null)
        {
            LogLinkRefused(logger, check);
            return (check, null);
        }

        var user = new WebUser(grant.Platform, grant.WorkspaceId, grant.UserId);
        if (await store.GetRevokedAtAsync(user, cancellationToken) is { } revoked && grant.Issued <= revoked)
        {
            LogLinkRefused(logger, TokenCheck.Expired);
            return (TokenCheck.Expired, null);
        }

        return (TokenCheck.Valid, grant);
    }

    /// <summary>Opens a session for a valid link's token (the person pressed "Open" on the link's page).</summary>
    public async Task<(TokenCheck Check, string? Cookie, WebSession? Session)> LoginAsync(string? token, CancellationToken cancellationToken)
    {
        var (check, grant) = await CheckLinkAsync(token, cancellationToken);
        if (grant is null)
        {
            return (check, null, null);
        }

        var cookie = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var session = new WebSession(grant.Platform, grant.WorkspaceId, grant.UserId, grant.UserName, time.GetUtcNow(), grant.Expires);
        await store.CreateSessionAsync(Hash(cookie), session, cancellationToken);
        LogSessionOpened(logger, grant.Platform, grant.WorkspaceId);
        return (TokenCheck.Valid, cookie, session);
    }

    public async Task<WebSession?> AuthenticateAsync(string? cookie, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(cookie) || cookie.Length > 100 ? null : await store.GetSessionAsync(Hash(cookie), time.GetUtcNow(), cancellationToken);

    public async Task<int> RevokeAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var ended = await store.RevokeAsync(new WebUser(context.Platform, context.WorkspaceId, context.UserId), time.GetUtcNow(), cancellationToken);
        LogRevoked(logger, context.Platform, context.WorkspaceId, ended);
        return ended;
    }

    /// <summary>Where links point: <see cref="WebOptions.BaseUrl"/>, else the first address Kestrel listens on.</summary>
    public Uri? Root()
    {
        if (options.Value.BaseUri is { } configured)
        {
            return configured;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address, UriKind.Absolute, out var listening))
        {
            return null;
        }

        var host = listening.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*" ? "localhost" : listening.Host;
        return new UriBuilder(listening.Scheme, host, listening.Port, "/").Uri;
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        // Two first callers may both read it: the stored key is the first writer's, so they agree.
        return key ??= options.Value.SigningKey is { Length: > 0 } configured
            ? SHA256.HashData(Encoding.UTF8.GetBytes(configured))
            : await store.GetOrAddKeyAsync(KeyName, RandomNumberGenerator.GetBytes(32), cancellationToken);
    }

    private static string Hash(string cookie) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(cookie)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Web link issued for {Platform} workspace {WorkspaceId}")]
    private static partial void LogLinkIssued(ILogger logger, string platform, string workspaceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web link refused: {Reason}")]
    private static partial void LogLinkRefused(ILogger logger, TokenCheck reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web session opened for {Platform} workspace {WorkspaceId}")]
    private static partial void LogSessionOpened(ILogger logger, string platform, string workspaceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Web sessions revoked for a user of {Platform} workspace {WorkspaceId}: {Ended} ended")]
    private static partial void LogRevoked(ILogger logger, string platform, string workspaceId, int ended);
}
