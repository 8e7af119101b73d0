using BriefingBot.Hosting;
using BriefingBot.Platforms.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests.Platforms.Discord;

public sealed class DiscordOptionsTests
{
    [Fact]
    public void AddDiscord_NoToken_RegistersNothing()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:ApplicationId"] = "1" }).Build();

        services.AddDiscord(BotMode.Worker, configuration);

        Assert.Empty(services);
    }

    [Theory]
    [InlineData("Discord:ApplicationId", "", "Discord:ApplicationId")]
    [InlineData("Discord:ApplicationId", "abc", "Discord:ApplicationId")]
    [InlineData("Discord:PublicKey", "abc", "Discord:PublicKey")]
    [InlineData("Discord:ShardId", "2", "Discord:ShardId")]
    [InlineData("Discord:ShardCount", "0", "Discord:ShardCount")]
    [InlineData("Discord:GatewayUrl", "https://example.com", "Discord:GatewayUrl")]
    [InlineData("Discord:GuildIds:0", "my-server", "Discord:GuildIds")]
    public void Validate_BadValue_ErrorNamesTheKey(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Token"] = "secret-token-value",
            ["Discord:ApplicationId"] = "111111111111111111",
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = new string('a', 64),
            [key] = value,
        };
        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains(named, StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("secret-token-value", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GatewayModeWithoutPublicKey_IsFine()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Discord:Token"] = "t", ["Discord:ApplicationId"] = "111111111111111111" });

        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal(DiscordMode.Gateway, options.Mode);
        Assert.Equal(new Uri("https://discord.com/api/v10"), options.ApiBaseUrl);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddValidatedOptions<DiscordOptions>(DiscordOptions.Section);
        return services.BuildServiceProvider();
    }
}
