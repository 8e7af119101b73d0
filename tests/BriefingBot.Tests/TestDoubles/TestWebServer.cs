using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>Real HTTP on 127.0.0.1 (a free port) with the pages, feeds and failures the ingestion tests need.</summary>
public sealed class TestWebServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requestCount;

    private TestWebServer(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How many requests reached the server: a refused connection never gets here.</summary>
    public int RequestCount => requestCount;

    /// <summary>Items of <c>/dynamic.rss</c> (title, path of the full page): tests change it between polls.</summary>
    public List<(string Title, int Seed)> DynamicItems { get; } = [];

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public static async Task<TestWebServer> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var server = new TestWebServer(app);
        server.Map(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseUrl = new Uri(LoopbackServer.Address(app) + "/");
        return server;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private void Map(WebApplication web)
    {
        web.Use((context, next) =>
        {
            Interlocked.Increment(ref requestCount);
            return next(context);
        });
        web.MapGet("/article", () => Results.Content(SampleText.Html(1, "Talks resume at the border"), "text/html; charset=utf-8"));
        web.MapGet("/full/{seed:int}", (int seed) => Results.Content(SampleText.Html(seed, $"Full story {seed}"), "text/html"));
        web.MapGet("/missing", () => Results.NotFound());
        web.MapGet("/report.pdf", () => Results.Bytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"u8.ToArray(), "application/pdf"));
        web.MapGet("/empty", () => Results.Content("<html><head><title>Nothing</title></head><body><p>Hi.</p></body></html>", "text/html"));
        web.MapGet("/huge", async (HttpContext context) =>
        {
            // No Content-Length: the client must stop reading by itself.
            context.Response.ContentType = "text/html";
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 6 * 16; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        web.MapGet("/redirect", () => Results.Redirect("/article"));
        web.MapGet("/redirect-to", (string url) => Results.Redirect(url));
        web.MapGet("/loop/{n:int}", (int n) => Results.Redirect($"/loop/{n + 1}"));
        web.MapGet("/teasers.rss", (HttpRequest request) => Results.Content(TeaserRss(Base(request)), "application/rss+xml"));
        web.MapGet("/teasers-as-text", (HttpRequest request) => Results.Content(TeaserRss(Base(request)), "text/plain"));
        web.MapGet("/full.atom", (HttpRequest request) => Results.Content(FullAtom(Base(request)), "application/atom+xml"));
        web.MapGet("/bad.rss", () => Results.Content("<rss version=\"2.0\"><channel><title>Broken</title><item><title>Oops</item></channel></rss>", "application/rss+xml"));
        web.MapGet("/odd-links.rss", (HttpRequest request) => Results.Content(OddLinksRss(Base(request)), "application/rss+xml"));
        web.MapGet("/teaser-fallback.rss", () => Results.Content(TeaserFallbackRss(), "application/rss+xml"));
        web.MapGet("/slow", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            return Results.Content(SampleText.Html(2, "Too late"), "text/html");
        });
        web.MapGet("/dynamic.rss", (HttpRequest request) => Results.Content(DynamicRss(Base(request)), "application/rss+xml"));
    }

    private static string Base(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private static string TeaserRss(string root) => Rss(root, "Teaser Times", [("Grain convoy crosses", 11), ("Envoy meets ministers", 12)]);

    private string DynamicRss(string root) => Rss(root, "Dynamic Daily", DynamicItems);

    private static string Rss(string root, string title, IEnumerable<(string Title, int Seed)> items) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel>
            <title>{title}</title>
            <link>{root}/</link>
            <description>Test feed</description>
            {string.Concat(items.Select(i => $"""
            <item>
              <title>{i.Title}</title>
              <link>{root}/full/{i.Seed}?utm_source=rss</link>
              <description>&lt;p&gt;A short teaser for {i.Title}.&lt;/p&gt;</description>
              <pubDate>Fri, 20 Nov 2026 10:00:00 +0000</pubDate>
              <dc:creator>Feed Author</dc:creator>
            </item>
            """))}
          </channel>
        </rss>
        """;

    private static string OddLinksRss(string root) =>
        $"""
        <rss version="2.0"><channel><title>Odd Links</title>
          <item><title>Local file</title><link>file:///etc/passwd</link><description>Teaser.</description></item>
          <item><title>Script</title><link>javascript:alert(1)</link><description>Teaser.</description></item>
          <item><title>Good one</title><link>{root}/full/41</link><description>Teaser.</description></item>
        </channel></rss>
        """;

    // The item's page is gone (404) but its 30-word summary is still worth keeping.
    private string TeaserFallbackRss() =>
        $"""
        <rss version="2.0"><channel><title>Fallback Gazette</title>
          <item><title>Gone page</title><link>{BaseUrl}missing</link><description>{SampleText.Paragraphs(51, paragraphs: 1, wordsPerParagraph: 30)}</description></item>
        </channel></rss>
        """;

    private static string FullAtom(string root) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Atom Observer</title>
          <id>urn:test:atom</id>
          <updated>2026-11-21T09:00:00Z</updated>
          <entry>
            <title>Summit ends without treaty</title>
            <id>urn:test:atom:1</id>
            <link href="{root}/atom/1"/>
            <updated>2026-11-21T09:00:00Z</updated>
            <author><name>Grace Writer</name></author>
            <content type="html">{System.Security.SecurityElement.Escape(string.Concat(SampleText.Paragraphs(21).Split("\n\n").Select(p => $"<p>{p}</p>")))}</content>
          </entry>
          <entry>
            <title>Central bank holds rates</title>
            <id>urn:test:atom:2</id>
            <link href="{root}/atom/2"/>
            <updated>2026-11-21T10:00:00Z</updated>
            <content type="text">{SampleText.Paragraphs(22)}</content>
          </entry>
        </feed>
        """;
}
