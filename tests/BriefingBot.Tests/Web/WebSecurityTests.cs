using System.Net;
using BriefingBot.Web;

namespace BriefingBot.Tests.Web;

/// <summary>
/// Who may see what, over real HTTP: no session, forged, altered and expired tokens get 401 with how to get a link;
/// another workspace's pages get 404 and none of its data; an open poll shows no votes; revoke ends sessions and links.
/// </summary>
public sealed class WebSecurityTests(WebTestHost host) : IClassFixture<WebTestHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string[] Pages =>
    [
        "/web/", "/web/channels/C1/digests", "/web/channels/C1/forecasts", "/web/forecasters/U1", $"/web/stories/{host.StoryId}",
        "/web/actors/kp", $"/web/polls/{host.OpenPoll}", $"/web/polls/{host.ResolvedPoll}", "/web/no-such-page",
    ];

    [Fact]
    public async Task EveryPage_WithoutSession_401WithHowToGetALink()
    {
        using var client = host.Client();
        foreach (var page in Pages)
        {
            using var response = await client.GetAsync(page, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, page);
            Assert.Contains("<code>/web</code>", body, StringComparison.Ordinal);
            Assert.DoesNotContain("port reopen", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryPage_WithSession_200()
    {
        using var client = await host.SignedInAsync(WebTestHost.Ann);
        foreach (var page in Pages.SkipLast(1))
        {
            using var response = await client.GetAsync(page, Ct);

            Assert.True(HttpStatusCode.OK == response.StatusCode, page);
        }
    }

    [Fact]
    public async Task Login_ForgedToken_401AndNoCookie()
    {
        var forged = WebTestHost.Token(Grant("slack", "T1", "U1"), "an attacker's own key, long enough!!");
        using var client = host.Client();

        using var response = await client.GetAsync("/web/login?token=" + Uri.EscapeDataString(forged), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var posted = await client.PostAsync("/web/login", new FormUrlEncodedContent([new("token", forged)]), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, posted.StatusCode);
        using var home = await client.GetAsync("/web/", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, home.StatusCode);
    }

    [Fact]
    public async Task Login_AlteredToken_401()
    {
        var link = (await host.LinkAsync(WebTestHost.Ann)).AbsoluteUri;
        var tail = link[^5];
        var altered = link[..^5] + (tail == 'x' ? 'y' : 'x') + link[^4..];
        using var client = host.Client();

        using var response = await client.GetAsync(altered, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Login_ExpiredToken_401SaysExpired()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = WebTestHost.Token(Grant("slack", "T1", "U1") with { IssuedAt = now.AddDays(-8).ToUnixTimeMilliseconds(), ExpiresAt = now.AddDays(-1).ToUnixTimeMilliseconds() });
        using var client = host.Client();

        using var response = await client.GetAsync("/web/login?token=" + Uri.EscapeDataString(expired), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherWorkspacePages_404AndNoneOfItsData()
    {
        using var client = await host.SignedInAsync(WebTestHost.Ann);
        foreach (var page in new[] { "/web/channels/C2/digests", "/web/channels/C2/forecasts", $"/web/polls/{host.OtherPoll}" })
        {
            using var response = await client.GetAsync(page, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(HttpStatusCode.NotFound == response.StatusCode, page);
            Assert.DoesNotContain("team two", body, StringComparison.OrdinalIgnoreCase);
        }

        var home = await client.GetStringAsync("/web/", Ct);
        Assert.DoesNotContain("C2", home, StringComparison.Ordinal);
        Assert.DoesNotContain("team two", home, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("port reopen", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherWorkspaceSession_OwnPagesShownAndTeamOnesNot()
    {
        using var client = await host.SignedInAsync(WebTestHost.Zed);

        var own = await client.GetStringAsync("/web/channels/C2/digests", Ct);
        using var ann = await client.GetAsync($"/web/polls/{host.ResolvedPoll}", Ct);

        Assert.Contains("Team two&#x27;s private digest item", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, ann.StatusCode);
    }

    [Fact]
    public async Task OpenPoll_ShowsVoterCountAndNoVotes()
    {
        using var client = await host.SignedInAsync(WebTestHost.Ann);

        var page = await client.GetStringAsync($"/web/polls/{host.OpenPoll}", Ct);

        Assert.Contains("Will the talks resume this month?", page, StringComparison.Ordinal);
        Assert.Contains("<b class=\"voters\">2</b>", page, StringComparison.Ordinal);
        foreach (var hidden in new[] { "Bea", "67.5", "12.5", "very unlikely", "Median", "<img" })
        {
            Assert.DoesNotContain(hidden, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ResolvedPoll_TeamFiguresOwnScoreAndSharedScoresOnly()
    {
        using var client = await host.SignedInAsync(WebTestHost.Ann);

        var page = await client.GetStringAsync($"/web/polls/{host.ResolvedPoll}", Ct);

        Assert.Contains("Median <b>70 %</b>", page, StringComparison.Ordinal);
        Assert.Contains("Mean <b>60 %</b>", page, StringComparison.Ordinal);
        Assert.Contains("Team median <b>0.090</b>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Ann (you)</td><td>70 %</td><td>0.090</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Cal</td><td>90 %</td><td>0.010</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Bea", page, StringComparison.Ordinal);
        Assert.Contains("1 voter(s) keep their score to themselves", page, StringComparison.Ordinal);
        Assert.Contains("<img src=\"data:image/svg", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_EndsSessionsAndEarlierLinks()
    {
        var bob = WebTestHost.Ann with { UserId = "U-bob", UserName = "Bob" };
        var link = await host.LinkAsync(bob);
        using var client = await host.SignedInAsync(bob);

        var reply = await host.RunAsync(bob, "web", new() { ["action"] = "revoke" });
        using var after = await client.GetAsync("/web/", Ct);
        using var again = await host.Client().GetAsync(link, Ct);

        Assert.Contains("Ended 1 web session", reply.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        using var fresh = await host.SignedInAsync(bob);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/web/", Ct)).StatusCode);
    }

    [Fact]
    public async Task Login_ValidLinkPressed_HttpOnlyLaxCookieForWebOnlyAndRedirectWithoutToken()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var link = await host.LinkAsync(WebTestHost.Ann);

        using var response = await client.PostAsync(new Uri(link, "/web/login"), TokenForm(link), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/web/", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(WebAccess.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/web", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP here; HTTPS adds it
    }

    [Fact]
    public async Task Login_LinkFetchedByAPreview_OpensNoSessionAndShowsTheButton()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var link = await host.LinkAsync(WebTestHost.Ann);

        using var response = await client.GetAsync(link, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("<form method=\"post\" action=\"/web/login\">", body, StringComparison.Ordinal);
        Assert.Contains("Open BriefingBot", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_PostedFromAnotherSite_400AndNoCookie()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var link = await host.LinkAsync(WebTestHost.Ann);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(link, "/web/login")) { Content = TokenForm(link) };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    private static FormUrlEncodedContent TokenForm(Uri link) =>
        new([new("token", System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!)]);

    [Fact]
    public async Task Pages_ContentSecurityPolicyForbidsScripts()
    {
        using var client = await host.SignedInAsync(WebTestHost.Ann);

        using var response = await client.GetAsync("/web/", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.StartsWith("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logs_AfterLoginsAndPages_NeverHoldATokenOrSessionId()
    {
        var link = await host.LinkAsync(WebTestHost.Ann);
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);
        var cookies = new CookieContainer();
        using var client = host.Client(cookies);
        (await WebTestHost.OpenLinkAsync(client, link)).Dispose();
        await client.GetStringAsync("/web/", Ct);
        var session = cookies.GetCookies(host.Address)[WebAccess.CookieName]?.Value ?? cookies.GetAllCookies()[0].Value;

        var logs = string.Join('\n', host.Logs);

        Assert.Contains("Web session opened", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[1][..20], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(session, logs, StringComparison.Ordinal);
    }

    private static WebGrant Grant(string platform, string workspace, string user)
    {
        var now = DateTimeOffset.UtcNow;
        return new WebGrant(platform, workspace, user, user, "C1", now.ToUnixTimeMilliseconds(), now.AddDays(1).ToUnixTimeMilliseconds());
    }
}
