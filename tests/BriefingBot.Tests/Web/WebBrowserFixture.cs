using System.Text.RegularExpressions;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Playwright;

namespace BriefingBot.Tests.Web;

/// <summary>
/// The built worker in the shell with the web view on, as an operator would try it: the samples ingested, a digest
/// posted (<c>/digest now</c>), a poll voted on and closed, another left open, then <c>/web</c> for the link. Debian's
/// Chromium (/usr/bin/chromium) is driven through Playwright; nothing downloads a browser.
/// </summary>
public sealed partial class WebBrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string SigningKey = "browser-test-signing-key-0123456789abcdef";
    private readonly BotProcess process = new();
    private RunningBot bot = null!;
    private IPlaywright? playwright;

    public Uri Address { get; private set; } = null!;

    public string Link { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go (a test artefact): <c>web-screenshots</c> beside the test assembly.</summary>
    public string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "web-screenshots");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        process.Environment["BriefingBot__Web__Enabled"] = "true";
        process.Environment["BriefingBot__Web__SigningKey"] = SigningKey;
        bot = process.Start("shell", "--urls", "http://127.0.0.1:0");

        await RunUntilAsync("/article list", StoredPattern());
        await RunUntilAsync("/actor North Korea", TopPattern());
        await bot.SendLineAsync("/digest now");
        await bot.WaitForOutputAsync(DigestPattern(), TimeSpan.FromSeconds(90));
        await bot.SendLineAsync("/poll create question:\"Will the port reopen by Friday?\" closes:\"in 3 days\" resolves:2026-12-31");
        await bot.SendLineAsync("/poll vote id:1 band:likely");
        await bot.SendLineAsync("/poll close id:1");
        await bot.WaitForOutputAsync(ClosedPattern(), TimeSpan.FromSeconds(60));
        await bot.SendLineAsync("/poll create question:\"Will the talks resume this month?\" closes:\"in 5 days\" resolves:2026-12-31");
        await bot.SendLineAsync("/poll vote id:2 probability:80");
        await bot.WaitForOutputAsync(VotedPattern(), TimeSpan.FromSeconds(60));
        await bot.SendLineAsync("/web");
        Link = (await bot.WaitForOutputAsync(LinkPattern(), TimeSpan.FromSeconds(60))).Groups["link"].Value;
        Address = new Uri(new Uri(Link), "/"); // the shell logs only warnings; the link names where Kestrel listens

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"], // root in CI; small /dev/shm in containers
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await bot.DisposeAsync();
        process.Dispose();
    }

    /// <summary>A browser context with JavaScript off: every page must work without it.</summary>
    public Task<IBrowserContext> ContextAsync(ViewportSize? viewport = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = viewport is not null && viewport.Width < 600,
            HasTouch = viewport is not null && viewport.Width < 600,
        });

    private async Task RunUntilAsync(string command, Regex pattern)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!pattern.IsMatch(bot.Output))
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{command}' never printed /{pattern}/: {bot.Output}");
            await bot.SendLineAsync(command);
            await Task.Delay(1000);
        }
    }

    [GeneratedRegex(@"\(10 stored\)")]
    private static partial Regex StoredPattern();

    [GeneratedRegex(@"== Appears most with")]
    private static partial Regex TopPattern();

    [GeneratedRegex(@"Digest for .*stor(y|ies) from")]
    private static partial Regex DigestPattern();

    [GeneratedRegex(@"Poll #1 \(closed\)")]
    private static partial Regex ClosedPattern();

    [GeneratedRegex(@"Your vote on poll #2")]
    private static partial Regex VotedPattern();

    [GeneratedRegex(@"(?m)^(?<link>http://\S+/web/login\?token=\S+)\s*$")]
    private static partial Regex LinkPattern();
}
