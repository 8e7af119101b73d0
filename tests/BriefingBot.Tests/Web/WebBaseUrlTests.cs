using System.Net;
using BriefingBot.Chat;
using BriefingBot.Digests;
using BriefingBot.Platforms.Discord.Rendering;
using BriefingBot.Platforms.Shell;
using BriefingBot.Platforms.Slack;
using BriefingBot.Web;

namespace BriefingBot.Tests.Web;

/// <summary>The worker with <c>Web:BaseUrl</c> on HTTPS: links point there, the cookie is Secure, and messages that have a page link to it.</summary>
public sealed class WebBaseUrlTests(WebBaseUrlTests.HttpsHost https) : IClassFixture<WebBaseUrlTests.HttpsHost>
{
    public const string BaseUrl = "https://bot.example.org";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebCommand_BaseUrlSet_LinkOnItsOwnLineAtTheBaseUrl()
    {
        var reply = await https.Host.RunAsync(WebTestHost.Ann, "web");

        var lines = reply.Text!.Split('\n');
        Assert.StartsWith(BaseUrl + "/web/login?token=v1.", lines[^1], StringComparison.Ordinal);
        Assert.True(reply.Ephemeral);
    }

    [Fact]
    public async Task Login_BaseUrlHttps_CookieIsSecure()
    {
        var link = await https.Host.LinkAsync(WebTestHost.Ann);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;

        using var response = await client.PostAsync(new Uri(https.Host.Address, "/web/login"), new FormUrlEncodedContent([new("token", token)]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("secure", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ActorCard_BaseUrlSet_OpenInBrowserButtonToTheActorPage()
    {
        var reply = await https.Host.RunAsync(WebTestHost.Ann, "actor", new() { ["name"] = "North Korea" });

        var button = Assert.Single(reply.Buttons, b => b.Url is not null);
        Assert.Equal((WebLinks.ButtonLabel, BaseUrl + "/web/actors/kp"), (button.Label, button.Url));
    }

    [Fact]
    public async Task ActorCard_NoBaseUrl_NoLinkButton()
    {
        await using var plain = new WebTestHost();
        await plain.InitializeAsync();

        var reply = await plain.RunAsync(WebTestHost.Ann, "actor", new() { ["name"] = "North Korea" });

        Assert.DoesNotContain(reply.Buttons, b => b.Url is not null);
    }

    [Fact]
    public async Task Digest_BaseUrlSet_OpenInBrowserToTheArchiveAndEachItemToItsStory()
    {
        var reply = await https.Host.RunAsync(WebTestHost.Ann, "digest now");

        var button = Assert.Single(reply.Buttons, b => b.Url is not null);
        Assert.Equal((WebLinks.ButtonLabel, BaseUrl + "/web/channels/C1/digests"), (button.Label, button.Url));
        Assert.NotEmpty(reply.Sections);
        Assert.All(reply.Sections, section => Assert.Matches(
            "^" + BaseUrl + "/web/stories/[0-9]+$", Assert.Single(section.Links, l => l.Label == DigestLayout.StoryPageLabel).Url));
    }

    [Fact]
    public async Task Digest_NoBaseUrl_NoPageLinks()
    {
        await using var plain = new WebTestHost();
        await plain.InitializeAsync();

        var reply = await plain.RunAsync(WebTestHost.Ann, "digest now");

        Assert.NotEmpty(reply.Sections);
        Assert.DoesNotContain(reply.Buttons, b => b.Url is not null);
        Assert.DoesNotContain(reply.Sections.SelectMany(s => s.Links), l => l.Label == DigestLayout.StoryPageLabel);
    }

    [Fact]
    public void Renderers_LinkButton_DiscordStyle5SlackUrlShellLine()
    {
        var reply = ChatReply.Message("Poll #3").WithPage(BaseUrl + "/web/polls/3");

        var discord = DiscordRenderer.Render(reply)[0].Payload.Components![0].Components[0];
        var slack = SlackRenderer.Render(reply)[0].Blocks.OfType<ActionsBlock>().Single().Elements[0];
        var shell = ShellRenderer.Render(reply);

        Assert.Equal((5, (string?)null, BaseUrl + "/web/polls/3"), (discord.Style, discord.CustomId, discord.Url));
        Assert.Equal(BaseUrl + "/web/polls/3", slack.Url);
        Assert.Contains("Open in browser: " + BaseUrl + "/web/polls/3", shell, StringComparison.Ordinal);
        Assert.DoesNotContain("[Open in browser]", shell, StringComparison.Ordinal);
    }

    /// <summary>The web host with Web:BaseUrl set to <see cref="BaseUrl"/>.</summary>
    public sealed class HttpsHost : IAsyncLifetime
    {
        public WebTestHost Host { get; } = new(BaseUrl);

        public ValueTask InitializeAsync() => Host.InitializeAsync();

        public ValueTask DisposeAsync() => Host.DisposeAsync();
    }
}
