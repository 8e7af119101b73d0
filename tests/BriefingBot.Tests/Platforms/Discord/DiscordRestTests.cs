using BriefingBot.Chat;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Rest;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Platforms.Discord;

/// <summary>The REST side through the platform seam, against the fake: headers, bodies, buckets, 429s, the invalid-request guard.</summary>
public sealed class DiscordRestTests : IAsyncLifetime
{
    private const string AnyPublicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private FakeDiscord fake = null!;
    private DiscordBotHost bot = null!;

    private IChatPlatform Platform => bot.Services.GetRequiredService<IChatPlatform>();

    public async ValueTask InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Http, publicKeyHex: AnyPublicKey);
        await fake.WaitForRequestAsync(r => r.Method == "PUT");
    }

    public async ValueTask DisposeAsync()
    {
        await bot.DisposeAsync();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task WorkspaceOfAsync_ChannelNobodyUsedTheBotIn_AsksDiscordForItsServer()
    {
        var source = bot.Services.GetServices<IChannelWorkspaceSource>().Single(s => s.Platform == "discord");

        var guild = await source.WorkspaceOfAsync("333333333333333333", TestContext.Current.CancellationToken);

        Assert.Equal(FakeDiscord.GuildId, guild);
        var request = await fake.WaitForRequestAsync(r => r.Method == "GET" && r.Path == "/api/v10/channels/333333333333333333");
        Assert.Equal($"Bot {DiscordBotHost.Token}", request.Authorization);
    }

    [Fact]
    public async Task SendAsync_ChannelMessage_SendsAuthUserAgentAndSchemaValidBody()
    {
        var sent = await Platform.SendAsync("222222222222222222", new ChatReply { Text = "@everyone news", Sections = [new ReplySection("Title", "Body")] }, TestContext.Current.CancellationToken);

        var request = await fake.WaitForRequestAsync(r => r.Path == "/api/v10/channels/222222222222222222/messages");
        Assert.Equal("discord", sent.Platform);
        Assert.Equal($"Bot {DiscordBotHost.Token}", request.Authorization);
        Assert.Equal("DiscordBot (https://github.com/briefingbot, 1.0)", request.UserAgent);
        Assert.Empty(request.Json.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Empty(DiscordSchema.Validate(request));
    }

    [Fact]
    public async Task SendAsync_BucketRateLimited_WaitsRetryAfterThenDelivers()
    {
        fake.RateLimitNext("/channels/1/messages", 3, 0.2, global: false);
        var started = DateTimeOffset.UtcNow;

        await Platform.SendAsync("1", ChatReply.Message("hello"), TestContext.Current.CancellationToken);

        var attempts = fake.Requests.Where(r => r.Path == "/api/v10/channels/1/messages").ToList();
        Assert.Equal([429, 429, 429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[^1].At - started >= TimeSpan.FromMilliseconds(550), $"waited only {attempts[^1].At - started}");
    }

    [Fact]
    public async Task SendAsync_GlobalRateLimit_PausesOtherRoutesToo()
    {
        fake.RateLimitNext("/channels/10/messages", 1, 0.6, global: true);

        var first = Platform.SendAsync("10", ChatReply.Message("one"), TestContext.Current.CancellationToken);
        var limited = await fake.WaitForRequestAsync(r => r.Path == "/api/v10/channels/10/messages" && r.Status == 429);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        await Platform.SendAsync("20", ChatReply.Message("two"), TestContext.Current.CancellationToken);
        await first;

        var other = fake.Requests.Single(r => r.Path == "/api/v10/channels/20/messages");
        Assert.True(other.At - limited.At >= TimeSpan.FromMilliseconds(500), $"other route went after {other.At - limited.At}");
    }

    [Fact]
    public async Task SendAsync_BucketHeadersSayEmpty_WaitsForResetWithoutEverHitting429()
    {
        fake.SetBucket("/channels/30/messages", 2, TimeSpan.FromMilliseconds(400));
        var started = DateTimeOffset.UtcNow;

        for (var i = 0; i < 6; i++)
        {
            await Platform.SendAsync("30", ChatReply.Message($"m{i}"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, fake.TooManyRequestsSent);
        Assert.Equal(6, fake.Requests.Count(r => r.Path == "/api/v10/channels/30/messages" && r.Status == 200));
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(750));
    }

    [Fact]
    public async Task SendAsync_StormOf429s_DelaysButLosesNoMessage()
    {
        fake.RateLimitNext("/channels/40/messages", 15, 0.05, global: false);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Platform.SendAsync("40", ChatReply.Message($"msg {i}"), TestContext.Current.CancellationToken)));

        var delivered = fake.Requests.Where(r => r.Path == "/api/v10/channels/40/messages" && r.Status == 200).Select(r => r.Json.GetProperty("content").GetString()!).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"msg {i}").ToHashSet(), delivered);
    }

    [Fact]
    public async Task SendAsync_TokenRejected_StopsSendingAfterFirst401()
    {
        fake.RejectToken = true;

        var first = await Assert.ThrowsAsync<DiscordApiException>(() => Platform.SendAsync("50", ChatReply.Message("a"), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<DiscordRequestRefusedException>(() => Platform.SendAsync("50", ChatReply.Message("b"), TestContext.Current.CancellationToken));

        Assert.Equal(401, first.StatusCode);
        Assert.Single(fake.Requests, r => r.Path.StartsWith("/api/v10/channels/50", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UpdateAsync_Message_PatchesThatMessage()
    {
        await Platform.UpdateAsync(new MessageRef("discord", "60", "61"), ChatReply.Message("edited"), TestContext.Current.CancellationToken);

        var patch = await fake.WaitForRequestAsync(r => r.Method == "PATCH");
        Assert.Equal("/api/v10/channels/60/messages/61", patch.Path);
        Assert.Empty(DiscordSchema.Validate(patch));
    }

    [Fact]
    public async Task OpenThreadAsync_OnMessage_StartsThreadAndPostsInIt()
    {
        var message = await Platform.OpenThreadAsync(new MessageRef("discord", "70", "71"), "Discussion of the news", ChatReply.Message("first post"), TestContext.Current.CancellationToken);

        var start = await fake.WaitForRequestAsync(r => r.Path == "/api/v10/channels/70/messages/71/threads");
        Assert.Equal("Discussion of the news", start.Json.GetProperty("name").GetString());
        Assert.Empty(DiscordSchema.Validate(start));
        Assert.NotEqual("70", message.ChannelId);
        Assert.Contains(fake.Requests, r => r.Path == $"/api/v10/channels/{message.ChannelId}/messages");
    }

    [Fact]
    public async Task SendPrivateAsync_NoRecentInteraction_OpensDmAndSendsThere()
    {
        await Platform.SendPrivateAsync("80", "81", ChatReply.Message("just for you"), TestContext.Current.CancellationToken);

        var dm = await fake.WaitForRequestAsync(r => r.Path == "/api/v10/users/@me/channels");
        Assert.Equal("81", dm.Json.GetProperty("recipient_id").GetString());
        Assert.Empty(DiscordSchema.Validate(dm));
        Assert.Contains(fake.Requests, r => r.Method == "POST" && r.Path.EndsWith("/messages", StringComparison.Ordinal) && r.Body.Contains("just for you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_Image_GoesAsMultipartAttachment()
    {
        var reply = new ChatReply { Text = "chart", Image = new ReplyImage("chart.png", new byte[] { 137, 80, 78, 71 }, "Votes over time") };

        await Platform.SendAsync("90", reply, TestContext.Current.CancellationToken);

        var request = await fake.WaitForRequestAsync(r => r.Path == "/api/v10/channels/90/messages");
        Assert.StartsWith("multipart/form-data", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(["files[0]=chart.png"], request.Files);
        Assert.Equal("chart.png", request.Json.GetProperty("attachments")[0].GetProperty("filename").GetString());
        Assert.Empty(DiscordSchema.Validate(request));
    }
}
