using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Digests;
using BriefingBot.Hosting;
using BriefingBot.Polls;
using BriefingBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Web;

/// <summary>
/// The worker as Program composes it (AddBriefingBot + MapBriefingBot) with the web view on, on loopback Kestrel and a
/// SQLite file, the samples ingested. Two Slack workspaces: T1 (channel C1) and T2 (channel C2), each with polls and a
/// digest, so a test can ask for the other team's pages. Every log line is kept, to search for tokens.
/// </summary>
public sealed partial class WebTestHost : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-0123456789-abcdefghij";
    public static readonly CommandContext Ann = new("slack", "C1", "U1", "Ann", IsAdmin: false, IsOperator: false, WorkspaceId: "T1");
    public static readonly CommandContext Zed = new("slack", "C2", "U9", "Zed", IsAdmin: false, IsOperator: false, WorkspaceId: "T2");
    private readonly string database = Path.Combine(Path.GetTempPath(), $"briefingbot-web-{Guid.NewGuid():N}.db");
    private readonly string? baseUrl;
    private WebApplication app = null!;

    public WebTestHost()
        : this(null)
    {
    }

    /// <summary>With <paramref name="baseUrl"/> as Web:BaseUrl (links and "Open in browser" buttons point there).</summary>
    internal WebTestHost(string? baseUrl) => this.baseUrl = baseUrl;

    public Uri Address { get; private set; } = null!;

    public IServiceProvider Services => app.Services;

    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Ann's (T1, C1) open poll: voters U1 and U2, votes hidden.</summary>
    public long OpenPoll { get; private set; }

    /// <summary>Ann's resolved poll (yes): U1 70 %, U2 20 %, U3 90 %; U3 shares their score.</summary>
    public long ResolvedPoll { get; private set; }

    /// <summary>Zed's (T2, C2) poll.</summary>
    public long OtherPoll { get; private set; }

    public long StoryId { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var commandLine = BotCommandLine.Parse(
        [
            "--urls", "http://127.0.0.1:0",
            "--Shell:Enabled", "false",
            "--Web:Enabled", "true",
            "--Web:SigningKey", SigningKey,
            "--Logging:LogLevel:Default", "Trace",
            "--Logging:LogLevel:Microsoft", "Trace",
            "--Storage:SqlitePath", database,
            .. (baseUrl is null ? Array.Empty<string>() : ["--Web:BaseUrl", baseUrl]),
        ]);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = commandLine.ConfigurationArgs });
        builder.AddBriefingBot(commandLine);
        builder.Logging.AddProvider(new KeepingProvider(Logs));
        app = builder.Build();
        app.MapBriefingBot();
        await app.StartAsync(Ct);
        Address = new Uri(app.Urls.First());
        await SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs a command as a platform would hand it to the dispatcher.</summary>
    public async Task<ChatReply> RunAsync(CommandContext context, string name, Dictionary<string, string>? options = null) =>
        await Services.GetRequiredService<CommandDispatcher>().DispatchAsync(new CommandRequest(name, options ?? [], context), Ct);

    /// <summary>The link <c>/web</c> gives <paramref name="context"/>.</summary>
    public async Task<Uri> LinkAsync(CommandContext context)
    {
        var reply = await RunAsync(context, "web");
        Assert.True(reply.Ephemeral);
        return new Uri(LinkPattern().Match(reply.Text!).Value);
    }

    /// <summary>A browser-like client (cookies kept, redirects followed) signed in through <paramref name="context"/>'s link.</summary>
    public async Task<HttpClient> SignedInAsync(CommandContext context)
    {
        var client = Client(new CookieContainer());
        using var response = await OpenLinkAsync(client, await LinkAsync(context));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>What a browser does with a link: GET its page, then press "Open BriefingBot" (a form POST of the token).</summary>
    public static async Task<HttpResponseMessage> OpenLinkAsync(HttpClient client, Uri link)
    {
        using var page = await client.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;
        return await client.PostAsync(new Uri(link, "/web/login"), new FormUrlEncodedContent([new("token", token)]), Ct);
    }

    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true, AllowAutoRedirect = true }) { BaseAddress = Address };

    /// <summary>A token signed with the worker's key (or another), for links the bot never gave.</summary>
    public static string Token(WebGrant grant, string key = SigningKey) => WebToken.Sign(grant, SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private async Task SeedAsync()
    {
        var articles = Services.GetRequiredService<IArticleStore>();
        for (var i = 0; i < 300 && await articles.CountAsync(Ct) == 0; i++)
        {
            await Task.Delay(100, Ct);
        }

        StoryId = (await articles.ListAsync(1, 0, Ct))[0].StoryId;
        await RunAsync(Ann, "help");
        await RunAsync(Zed, "help");
        var polls = Services.GetRequiredService<IPollStore>();
        var now = DateTimeOffset.UtcNow;
        NewPoll Poll(CommandContext who, string question) =>
            new(who.Platform, who.ChannelId, who.UserId, who.UserName, question, null, ["kp"], now.AddDays(-3), now.AddDays(3), DateOnly.FromDateTime(now.UtcDateTime.AddDays(30)));

        OpenPoll = (await polls.CreateAsync(Poll(Ann, "Will the talks resume this month?"), Ct)).Id;
        await polls.VoteAsync(new Vote(OpenPoll, "U1", "Ann", 67.5, "likely", now.AddDays(-2)), Ct);
        await polls.VoteAsync(new Vote(OpenPoll, "U2", "Bea", 12.5, "very-unlikely", now.AddDays(-2)), Ct);

        ResolvedPoll = (await polls.CreateAsync(Poll(Ann, "Will the port reopen by Friday?"), Ct)).Id;
        await polls.VoteAsync(new Vote(ResolvedPoll, "U1", "Ann", 70, "likely", now.AddDays(-2)), Ct);
        await polls.VoteAsync(new Vote(ResolvedPoll, "U2", "Bea", 20, "unlikely", now.AddDays(-2)), Ct);
        await polls.VoteAsync(new Vote(ResolvedPoll, "U3", "Cal", 90, "very-likely", now.AddDays(-2)), Ct);
        await polls.TryCloseAsync(ResolvedPoll, now.AddDays(-1), Ct);
        await polls.TryResolveAsync(ResolvedPoll, PollOutcome.Yes, now.AddHours(-1), Ct);
        await Services.GetRequiredService<IWebStore>().SetSharingAsync(new WebUser("slack", "T1", "U3"), true, Ct);

        OtherPoll = (await polls.CreateAsync(Poll(Zed, "Will team two's secret question pass?"), Ct)).Id;

        var digests = Services.GetRequiredService<IDigestStore>();
        foreach (var (who, headline) in new[] { (Ann, "First sample story for team one"), (Zed, "Team two's private digest item") })
        {
            var run = await digests.ClaimRunAsync(who.Platform, who.ChannelId, now.AddHours(-2), Ct);
            var payload = System.Text.Json.JsonSerializer.Serialize(new ChatReply
            {
                Text = "Digest for today: 1 story",
                Sections = [new ReplySection("1. " + headline, "A <b>summary</b> & more") { Links = [new ReplyLink("Example", "https://example.com/a")] }],
            }, DigestJson.Default.ChatReply);
            await digests.SavePartsAsync(run.Id, [payload], [StoryId], now.AddHours(-2), Ct);
            await digests.CompleteRunAsync(run.Id, now.AddHours(-2), Ct);
        }
    }

    [GeneratedRegex(@"https?://\S+/web/login\?token=\S+")]
    private static partial Regex LinkPattern();

    private sealed class KeepingProvider(ConcurrentQueue<string> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Keeping(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class Keeping(string category, ConcurrentQueue<string> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
