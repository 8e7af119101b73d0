using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Platforms.Slack;

/// <summary>The Slack side of the bot on loopback (Kestrel port 0), wired as the worker wires it, talking to a <see cref="FakeSlack"/>.</summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789";

    private readonly WebApplication app;

    private SlackTestHost(WebApplication app, LogCapture logs)
    {
        this.app = app;
        Logs = logs;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<SlackTestHost> StartAsync(
        FakeSlack slack, SlackMode mode, CancellationToken cancellationToken, Action<IServiceCollection>? configure = null, TimeSpan? inlineBudget = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:AppToken"] = FakeSlack.AppToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:Mode"] = mode.ToString(),
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:AdminUserIds:0"] = "UADMIN",
            ["Slack:InlineReplyBudget"] = (inlineBudget ?? TimeSpan.FromMilliseconds(2500)).ToString("c", CultureInfo.InvariantCulture),
        });
        var logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddCommandDispatch();
        configure?.Invoke(builder.Services);
        builder.Services.AddSlack(BotMode.Worker, builder.Configuration);
        var app = builder.Build();
        app.MapSlack();
        await app.StartAsync(cancellationToken);
        return new SlackTestHost(app, logs);
    }

    /// <summary>POSTs <paramref name="body"/> signed as Slack signs it (or with the given timestamp and secret).</summary>
    public Task<HttpResponseMessage> PostSignedAsync(
        string path, string body, string contentType, CancellationToken cancellationToken, long? timestamp = null, string secret = SigningSecret)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", Sign(secret, ts, body));
        return Client.SendAsync(request, cancellationToken);
    }

    public static string Sign(string secret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>Captures every log entry of the host, formatted.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(Entries);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), exception));
    }
}
