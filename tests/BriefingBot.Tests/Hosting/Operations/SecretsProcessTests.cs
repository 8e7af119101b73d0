using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Hosting.Operations;

/// <summary>
/// Tokens and signing secrets never reach the logs: the built worker with Discord (gateway) and Slack (HTTP mode)
/// configured, at Debug level, driven into its error paths; then everything it wrote is searched for each secret (and
/// for the interaction token, a 15-minute credential for the interaction's webhook).
/// </summary>
public sealed partial class SecretsProcessTests : IAsyncDisposable
{
    /// <summary>Not what the fake Slack accepts: every Web API call with it is answered invalid_auth.</summary>
    private const string RejectedBotToken = "xoxb-9999-rejected-but-secret-token-4242";

    private readonly BotProcess bot = new();
    private FakeDiscord? discord;
    private FakeSlack? slack;
    private RunningBot? worker;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Worker_BadSignatures401sAndFailingCommands_NoSecretInStandardOutputOrError()
    {
        discord = await FakeDiscord.StartAsync();
        slack = await FakeSlack.StartAsync(Ct);
        var ready = new TaskCompletionSource<FakeGatewaySocket>(TaskCreationOptions.RunContinuationsAsynchronously);
        discord.Gateway.Enqueue(async socket =>
        {
            await socket.HelloAsync(45_000);
            await socket.ExpectAsync(2);
            await socket.ReadyAsync("secrets-session");
            ready.TrySetResult(socket);
            await socket.WaitClosedAsync();
        });
        bot.Environment["BriefingBot__Logging__LogLevel__Default"] = "Debug";
        bot.Environment["BriefingBot__Logging__LogLevel__Microsoft"] = "Debug";
        bot.Environment["BriefingBot__Logging__LogLevel__System.Net.Http"] = "Debug";
        bot.Environment["BriefingBot__Discord__Token"] = DiscordBotHost.Token;
        bot.Environment["BriefingBot__Discord__ApplicationId"] = DiscordBotHost.ApplicationId;
        bot.Environment["BriefingBot__Discord__ApiBaseUrl"] = discord.ApiBase.ToString();
        bot.Environment["BriefingBot__Slack__BotToken"] = RejectedBotToken;
        bot.Environment["BriefingBot__Slack__AppToken"] = FakeSlack.AppToken;
        bot.Environment["BriefingBot__Slack__Mode"] = "Http";
        bot.Environment["BriefingBot__Slack__SigningSecret"] = SlackTestHost.SigningSecret;
        bot.Environment["BriefingBot__Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri;
        worker = bot.Start("--urls", "http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = await worker.WaitForListeningAddressAsync(), Timeout = TimeSpan.FromSeconds(30) };
        var gateway = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        // Slack: forged and unsigned requests; a mention whose reply Slack refuses (invalid_auth); a command whose options are wrong.
        var body = SignedSlack.CommandBody("/help", "", slack.ResponseUrl("r1"));
        using (var forged = await SignedSlack.PostAsync(client, "/slack/commands", body, SignedSlack.Form, Ct, secret: "not-the-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        var mention = new JsonObject
        {
            ["type"] = "event_callback",
            ["event_id"] = "EvSecret1",
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U2", ["text"] = "<@UBOT> hi", ["channel"] = "C9", ["ts"] = "1.0" },
        }.ToJsonString();
        using (var accepted = await SignedSlack.PostAsync(client, "/slack/events", mention, "application/json", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using (var wrong = await SignedSlack.PostAsync(client, "/slack/commands", SignedSlack.CommandBody("/article", "show not-a-number", slack.ResponseUrl("r2")), SignedSlack.Form, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        await worker.WaitForErrorAsync(SlackEventFailed());

        // Discord: the token is reset while connected, so answering an interaction meets 401 (twice: the second is refused locally).
        discord.RejectToken = true;
        await gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "8801"));
        await gateway.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "8802"));
        await worker.WaitForErrorAsync(InteractionFailed("8802"));

        await worker.TerminateAsync();
        Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var everything = worker.Output + worker.Error;
        Assert.Contains("invalid_auth", everything, StringComparison.Ordinal); // the errors were logged...
        Assert.Contains("401", everything, StringComparison.Ordinal);
        foreach (var secret in new[] { DiscordBotHost.Token, RejectedBotToken, FakeSlack.AppToken, SlackTestHost.SigningSecret, InteractionJson.InteractionToken })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal); // ...without any secret
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        bot.Dispose();
        if (discord is not null)
        {
            await discord.DisposeAsync();
        }

        if (slack is not null)
        {
            await slack.DisposeAsync();
        }
    }

    [GeneratedRegex("Handling a Slack app_mention event failed")]
    private static partial Regex SlackEventFailed();

    private static Regex InteractionFailed(string id) => new(Regex.Escape($"Answering interaction {id} from the gateway failed"));
}
