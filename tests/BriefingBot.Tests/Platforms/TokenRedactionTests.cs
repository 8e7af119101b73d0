using BriefingBot.Platforms;
using BriefingBot.Platforms.Discord;
using BriefingBot.Tests.Platforms.Discord;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Tests.Platforms;

public sealed class TokenRedactionTests
{
    /// <summary>32 characters: shorter than the old length rule (over 40) that let it through.</summary>
    private const string ShortToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5Ojpy";

    [Theory]
    [InlineData("https://discord.com/api/v10/interactions/123/" + ShortToken + "/callback", "https://discord.com/api/v10/interactions/123/{redacted}/callback")]
    [InlineData("https://discord.com/api/v10/webhooks/111/tok/messages/@original", "https://discord.com/api/v10/webhooks/111/{redacted}/messages/@original")]
    [InlineData("https://discord.com/api/v10/webhooks/111/" + ShortToken, "https://discord.com/api/v10/webhooks/111/{redacted}")]
    [InlineData("https://discord.com/api/v10/channels/222/messages", "https://discord.com/api/v10/channels/222/messages")]
    [InlineData("https://hooks.slack.com/commands/T123/456/abcDEF", "https://hooks.slack.com/commands/T123/{redacted}/{redacted}")]
    [InlineData("https://hooks.slack.com/actions/T123/456/x", "https://hooks.slack.com/actions/T123/{redacted}/{redacted}")]
    [InlineData("wss://wss-primary.slack.com/link/?ticket=secret&app_id=A1", "wss://wss-primary.slack.com/link/?{redacted}")]
    public void Url_TokenByPosition_MaskedWhateverItsLength(string url, string expected)
    {
        Assert.Equal(expected, TokenRedaction.Url(new Uri(url)));
    }

    [Theory]
    [InlineData("Authorization", "Bot abc")]
    [InlineData("authorization", "Bearer xoxb-1")]
    [InlineData("Proxy-Authorization", "Basic x")]
    public void Header_AnyAuthorizationValue_Masked(string name, string value)
    {
        Assert.Equal(TokenRedaction.Mask, TokenRedaction.Header(name, value));
    }

    [Fact]
    public async Task InteractionCallback_FailsWithShortToken_TokenInNoLogLineNorException()
    {
        await using var fake = await FakeDiscord.StartAsync();
        fake.FailNext("/callback", 404);
        fake.Gateway.Enqueue(async socket =>
        {
            await socket.HelloAsync(45_000);
            await socket.ExpectAsync(2);
            await socket.ReadyAsync("s-redact");
            await socket.DispatchAsync("INTERACTION_CREATE", InteractionJson.Command("help", id: "7001").Replace(InteractionJson.InteractionToken, ShortToken, StringComparison.Ordinal));
            await socket.WaitClosedAsync();
        });
        await using var bot = await DiscordBotHost.StartAsync(fake, DiscordMode.Gateway);

        await fake.WaitForRequestAsync(r => r.Path.Contains("/interactions/7001/", StringComparison.Ordinal) && r.Status == 404);
        var failure = await WaitForAsync(() => bot.Logs.Entries.FirstOrDefault(e => e.Level == LogLevel.Error && e.Message.Contains("7001", StringComparison.Ordinal)).Message);

        Assert.Contains("DiscordApiException", failure, StringComparison.Ordinal);
        Assert.Contains("/interactions/7001/{redacted}/callback", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(ShortToken, bot.AllLogText, StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordBotHost.Token, bot.AllLogText, StringComparison.Ordinal);
    }

    private static async Task<string> WaitForAsync(Func<string?> probe)
    {
        for (var i = 0; i < 500; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The expected log line never came.");
    }
}
