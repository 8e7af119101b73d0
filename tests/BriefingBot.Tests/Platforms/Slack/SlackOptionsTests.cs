using BriefingBot.Hosting;
using BriefingBot.Platforms.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests.Platforms.Slack;

public sealed class SlackOptionsTests
{
    [Fact]
    public void Validate_SocketModeWithoutAppToken_NamesKeyAndEnvironmentVariable()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Slack:BotToken"] = "xoxb-1" }));

        Assert.Contains("Slack:AppToken is required when Slack:Mode is SocketMode (set BriefingBot__Slack__AppToken)", error.Failures);
    }

    [Fact]
    public void Validate_HttpWithoutSigningSecret_NamesKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:Mode"] = "Http" }));

        Assert.Contains("Slack:SigningSecret is required when Slack:Mode is Http (set BriefingBot__Slack__SigningSecret)", error.Failures);
    }

    [Fact]
    public void Validate_UserTokenAndBotTokenSwapped_BothRejectedWithoutEchoingThem()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Slack:BotToken"] = "xoxp-secret-user", ["Slack:AppToken"] = "xoxb-secret-bot" }));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Slack:BotToken must be a bot token starting with xoxb-", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Slack:AppToken must be an app-level token starting with xapp-", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CompleteSocketModeSettings_BindsAdminsAndDefaults()
    {
        var options = Resolve(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:AppToken"] = "xapp-1", ["Slack:AdminUserIds:0"] = "U1", ["Slack:AdminUserIds:1"] = "U2" });

        Assert.Equal(SlackMode.SocketMode, options.Mode);
        Assert.Equal(["U1", "U2"], options.AdminUserIds);
        Assert.Equal(new Uri("https://slack.com/api/"), options.ApiBaseUrl);
    }

    [Fact]
    public void AddSlack_NoBotToken_RegistersNothing()
    {
        var services = new ServiceCollection();
        var before = services.Count;

        services.AddSlack(BotMode.Worker, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:AppToken"] = "xapp-1" }).Build());

        Assert.Equal(before, services.Count);
    }

    [Fact]
    public void AddSlack_ShellMode_RegistersNothingEvenWithToken()
    {
        var services = new ServiceCollection();

        services.AddSlack(BotMode.Shell, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-1" }).Build());

        Assert.Empty(services);
    }

    private static SlackOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddValidatedOptions<SlackOptions>(SlackOptions.Section);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SlackOptions>>().Value;
    }
}
