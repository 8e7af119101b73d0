using System.Net;
using System.Text.RegularExpressions;
using BriefingBot.Web;
using Microsoft.Playwright;

namespace BriefingBot.Tests.Web;

/// <summary>
/// The web view in real Chromium with JavaScript off: the link from <c>/web</c> in the shell opens the workspace, the
/// digest archive leads to a story, the story to an actor, and a closed poll shows its result; a phone-sized screen
/// needs no sideways scrolling; a forged link and another workspace's page are refused. Screenshots are kept in
/// <c>web-screenshots</c> beside the test assembly.
/// </summary>
public sealed partial class WebBrowserTests(WebBrowserFixture fixture) : IClassFixture<WebBrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task ShellLink_ArchiveStoryActorAndClosedPoll_ShownWithoutJavaScript()
    {
        await using var context = await fixture.ContextAsync();
        var page = await context.NewPageAsync();

        var linkPage = await page.GotoAsync(fixture.Link);
        Assert.Equal(200, linkPage!.Status);
        Assert.Empty(await context.CookiesAsync()); // the link's page opens nothing until its button is pressed
        await ShotAsync(page, "link");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open BriefingBot" }).ClickAsync();
        Assert.Equal(new Uri(fixture.Address, "/web/").AbsoluteUri, page.Url);
        Assert.Equal("Your workspace", await page.Locator("h1").InnerTextAsync());
        await ShotAsync(page, "home");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = DigestArchiveName() }).ClickAsync();
        Assert.EndsWith("/web/channels/shell/digests", page.Url, StringComparison.Ordinal);
        var firstItem = page.Locator("article.digest section.item h3 a").First;
        var headline = Regex.Replace(await firstItem.InnerTextAsync(), @"^\d+\. ", string.Empty);
        Assert.Contains("Digest for", await page.Locator("article.digest p.body").First.InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "digests");

        await firstItem.ClickAsync();
        Assert.Matches(@"/web/stories/\d+$", page.Url);
        Assert.Equal(headline, await page.Locator("h1").InnerTextAsync());
        var sources = page.Locator("ul.sources li");
        Assert.True(await sources.CountAsync() >= 1);
        Assert.StartsWith("https://example.com/", await sources.First.Locator("a").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Contains("UTC", await sources.First.Locator("time").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, "story");

        await page.GetByRole(AriaRole.Link, new() { Name = "North Korea", Exact = true }).First.ClickAsync();
        Assert.EndsWith("/web/actors/kp", page.Url, StringComparison.Ordinal);
        Assert.Equal("North Korea", await page.Locator("h1").InnerTextAsync());
        Assert.StartsWith("Bar chart of North Korea mentions per day", await page.Locator("figure img").GetAttributeAsync("alt"), StringComparison.Ordinal);
        Assert.True(await page.Locator("figure img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the SVG chart loads");
        await page.GetByRole(AriaRole.Link, new() { Name = "1 year" }).ClickAsync();
        Assert.EndsWith("/web/actors/kp?range=365", page.Url, StringComparison.Ordinal);
        Assert.Equal("1 year", await page.Locator("nav.ranges [aria-current]").InnerTextAsync());
        await ShotAsync(page, "actor");

        await page.GotoAsync(new Uri(fixture.Address, "/web/").AbsoluteUri);
        await page.GetByRole(AriaRole.Link, new() { Name = "#1 Will the port reopen by Friday?" }).ClickAsync();
        Assert.EndsWith("/web/polls/1", page.Url, StringComparison.Ordinal);
        Assert.Matches(@"Median\s+67\.5 %", await page.Locator("main").InnerTextAsync());
        Assert.StartsWith("Bar chart of 1 votes per likelihood band", await page.Locator("figure img").GetAttributeAsync("alt"), StringComparison.Ordinal);
        await ShotAsync(page, "poll-closed");
    }

    [Fact]
    public async Task OpenPoll_InChromium_VoterCountOnly()
    {
        await using var context = await fixture.ContextAsync();
        var page = await context.NewPageAsync();
        await OpenAsync(page, fixture.Link);

        await page.GotoAsync(new Uri(fixture.Address, "/web/polls/2").AbsoluteUri);
        var text = await page.Locator("main").InnerTextAsync();

        Assert.Equal("1", await page.Locator(".voters").InnerTextAsync());
        Assert.Contains("votes stay hidden until it closes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("80 %", text, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("img").CountAsync());
    }

    [Fact]
    public async Task PhoneViewport_Pages_FitTheScreenWidth()
    {
        await using var context = await fixture.ContextAsync(Phone);
        var page = await context.NewPageAsync();
        await OpenAsync(page, fixture.Link);

        foreach (var (path, name) in new[] { ("/web/", "phone-home"), ("/web/channels/shell/digests", "phone-digests"), ("/web/actors/kp", "phone-actor"), ("/web/polls/1", "phone-poll") })
        {
            var response = await page.GotoAsync(new Uri(fixture.Address, path).AbsoluteUri);
            Assert.Equal(200, response!.Status);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px screen");
            var chart = page.Locator("figure img");
            if (await chart.CountAsync() > 0)
            {
                Assert.True((await chart.BoundingBoxAsync())!.Width <= Phone.Width, $"{path}: the chart is wider than the screen");
            }

            await ShotAsync(page, name);
        }
    }

    [Fact]
    public async Task ForgedLink_InChromium_401PageSaysHowToGetALink()
    {
        await using var context = await fixture.ContextAsync();
        var page = await context.NewPageAsync();
        var token = Regex.Match(fixture.Link, "token=(?<t>.+)$").Groups["t"].Value;
        var forged = fixture.Link.Replace(token, token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..], StringComparison.Ordinal);

        var response = await page.GotoAsync(forged);

        Assert.Equal((int)HttpStatusCode.Unauthorized, response!.Status);
        Assert.Equal("This link is not valid", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("type /web in a channel", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await context.CookiesAsync());
        var home = await page.GotoAsync(new Uri(fixture.Address, "/web/").AbsoluteUri);
        Assert.Equal((int)HttpStatusCode.Unauthorized, home!.Status);
        await ShotAsync(page, "no-session");
    }

    [Fact]
    public async Task OtherWorkspaceSession_InChromium_ShellPollIs404()
    {
        await using var context = await fixture.ContextAsync();
        var page = await context.NewPageAsync();
        var now = DateTimeOffset.UtcNow;
        var other = WebTestHost.Token(
            new WebGrant("slack", "T-other", "U7", "Eve", "C7", now.ToUnixTimeMilliseconds(), now.AddDays(1).ToUnixTimeMilliseconds()), WebBrowserFixture.SigningKey);
        await OpenAsync(page, new Uri(fixture.Address, "/web/login?token=" + Uri.EscapeDataString(other)).AbsoluteUri);
        Assert.Contains("Eve · slack T-other", await page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        var poll = await page.GotoAsync(new Uri(fixture.Address, "/web/polls/1").AbsoluteUri);
        var digests = await page.GotoAsync(new Uri(fixture.Address, "/web/channels/shell/digests").AbsoluteUri);

        Assert.Equal((int)HttpStatusCode.NotFound, poll!.Status);
        Assert.Equal((int)HttpStatusCode.NotFound, digests!.Status);
        Assert.DoesNotContain("port reopen", await page.ContentAsync(), StringComparison.Ordinal);
    }

    /// <summary>Opens a sign-in link as a person does: its page, then the "Open BriefingBot" button.</summary>
    private static async Task OpenAsync(IPage page, string link)
    {
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open BriefingBot" }).ClickAsync();
    }

    private async Task ShotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fixture.Screenshots, name + ".png"), FullPage = true });

    [GeneratedRegex(@"^Digest archive \(\d+\)$")]
    private static partial Regex DigestArchiveName();
}
