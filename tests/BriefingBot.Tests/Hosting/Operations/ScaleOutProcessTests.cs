using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.Platforms.Slack;
using BriefingBot.Tests.Storage;
using BriefingBot.Tests.TestDoubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BriefingBot.Tests.Hosting.Operations;

/// <summary>
/// Scale-out as documented: two worker processes on one PostgreSQL database, each holding its own Slack Socket Mode
/// connection. Slack delivers each envelope to one connection; every interaction is answered exactly once, and what one
/// replica stores the other finds.
/// </summary>
public sealed class ScaleOutProcessTests : IAsyncLifetime
{
    private const string Title = "Border crossing reopens under the scale-out test";

    private readonly PostgresTestDatabase database = new();
    private readonly BotProcess first = new();
    private readonly BotProcess second = new();
    private readonly List<RunningBot> workers = [];
    private FakeSlack slack = null!;
    private WebApplication? site;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await database.InitializeAsync();
        slack = await FakeSlack.StartAsync(Ct);
    }

    [Fact]
    public async Task TwoWorkersOnePostgres_EnvelopesSpreadOverBothSockets_EachAnsweredOnceAndStoreShared()
    {
        var page = await StartSiteAsync();
        var connectionString = database.ConnectionString;
        foreach (var bot in new[] { first, second })
        {
            bot.Environment["BriefingBot__Storage__Provider"] = "Postgres";
            bot.Environment["BriefingBot__Storage__ConnectionString"] = connectionString;
            bot.Environment["BriefingBot__Articles__IngestSamples"] = "false";
            bot.Environment["BriefingBot__Articles__AllowPrivateHosts"] = "true";
            bot.Environment["BriefingBot__Slack__BotToken"] = FakeSlack.BotToken;
            bot.Environment["BriefingBot__Slack__AppToken"] = FakeSlack.AppToken;
            bot.Environment["BriefingBot__Slack__ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri;
        }

        // One after the other, so that each socket belongs to a known replica.
        var a = await StartWorkerAsync(first);
        var sessionA = await slack.NextSessionAsync(Ct);
        var b = await StartWorkerAsync(second);
        var sessionB = await slack.NextSessionAsync(Ct);

        var added = await AnswerAsync(sessionA, "env-add", "/article", "add " + page);
        var found = await AnswerAsync(sessionB, "env-search", "/article", "search Border crossing");
        var helps = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            helps.Add(await AnswerAsync(i % 2 == 0 ? sessionA : sessionB, $"env-help-{i}", "/help", ""));
        }

        await Task.Delay(TimeSpan.FromSeconds(1), Ct); // a duplicate answer, were there one, would come now
        Assert.Contains(Title, added, StringComparison.Ordinal);
        Assert.Contains(Title, found, StringComparison.Ordinal);
        Assert.All(helps, h => Assert.Contains("/help [command]", h, StringComparison.Ordinal));
        var acks = sessionA.DrainReceived().Concat(sessionB.DrainReceived()).ToList();
        Assert.Empty(acks); // every envelope was acknowledged once, on its own socket, and never again
        Assert.Equal(slack.CallsTo("response_url").Count, slack.CallsTo("response_url").Select(c => c.Target).Distinct().Count());
        Assert.False(a.HasExited || b.HasExited);
    }

    [Fact]
    public async Task TwoWorkersAsDiscordShards_EachIdentifiesItsShardAndAnswersItsInteractionsOnce()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.MaxConcurrency = 16; // both shards may identify at once
        var shards = new System.Collections.Concurrent.ConcurrentBag<int[]>();
        for (var i = 0; i < 2; i++)
        {
            discord.Gateway.Enqueue(async socket =>
            {
                await socket.HelloAsync(45_000);
                var identify = await socket.ExpectAsync(2);
                var shard = identify.GetProperty("d").GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                shards.Add(shard);
                await socket.ReadyAsync($"shard-session-{shard[0]}");
                await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: $"660{shard[0]}"));
                await socket.WaitClosedAsync();
            });
        }

        var connectionString = database.ConnectionString;
        var shardId = 0;
        foreach (var bot in new[] { first, second })
        {
            bot.Environment["BriefingBot__Storage__Provider"] = "Postgres";
            bot.Environment["BriefingBot__Storage__ConnectionString"] = connectionString;
            bot.Environment["BriefingBot__Articles__IngestSamples"] = "false";
            bot.Environment["BriefingBot__Discord__Token"] = DiscordBotHost.Token;
            bot.Environment["BriefingBot__Discord__ApplicationId"] = DiscordBotHost.ApplicationId;
            bot.Environment["BriefingBot__Discord__ApiBaseUrl"] = discord.ApiBase.ToString();
            bot.Environment["BriefingBot__Discord__ShardCount"] = "2";
            bot.Environment["BriefingBot__Discord__ShardId"] = (shardId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            workers.Add(bot.Start("--urls", "http://127.0.0.1:0"));
        }

        await discord.WaitForRequestAsync(r => r.Path.Contains("/interactions/6600/", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        await discord.WaitForRequestAsync(r => r.Path.Contains("/interactions/6601/", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        Assert.Equal(["0/2", "1/2"], shards.Select(s => $"{s[0]}/{s[1]}").Order());
        Assert.Single(discord.Requests, r => r.Path.Contains("/interactions/6600/", StringComparison.Ordinal));
        Assert.Single(discord.Requests, r => r.Path.Contains("/interactions/6601/", StringComparison.Ordinal));
        Assert.Equal(2, discord.Gateway.Connections.Count);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }

        first.Dispose();
        second.Dispose();
        await slack.DisposeAsync();
        if (site is not null)
        {
            await site.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    private async Task<RunningBot> StartWorkerAsync(BotProcess bot)
    {
        var worker = bot.Start("--urls", "http://127.0.0.1:0");
        workers.Add(worker);
        await worker.WaitForErrorAsync(new Regex(Regex.Escape("Slack Socket Mode connection 1 ready")), TimeSpan.FromSeconds(90));
        return worker;
    }

    /// <summary>Sends a slash command to one socket; the answer rides on its ack or, when slow, comes through response_url.</summary>
    private async Task<string> AnswerAsync(FakeSlackSocketSession session, string envelopeId, string command, string text)
    {
        await session.SendSlashCommandAsync(envelopeId, command, text, slack.ResponseUrl(envelopeId).AbsoluteUri, Ct);
        var ack = await session.ReceiveAsync(Ct, TimeSpan.FromSeconds(15));
        Assert.Equal(envelopeId, ack["envelope_id"]?.GetValue<string>());
        if (ack["payload"] is JsonObject payload)
        {
            return SlackJsonText.All(payload);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (slack.CallsTo("response_url").FirstOrDefault(c => c.Target == envelopeId) is { } late)
            {
                return SlackJsonText.All(late.Json!);
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"{envelopeId} was acknowledged but never answered");
    }

    private async Task<string> StartSiteAsync()
    {
        site = LoopbackServer.CreateBuilder().Build();
        site.MapGet("/story", () => Results.Content(SampleText.Html(41, Title), "text/html; charset=utf-8"));
        await site.StartAsync(Ct);
        return LoopbackServer.Address(site) + "/story";
    }
}
