using BriefingBot.Articles.Feeds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BriefingBot.Tests.Articles;

public sealed class FeedsOptionsTests
{
    [Fact]
    public async Task Value_FeedsInConfiguration_BindsUrlAndInterval()
    {
        await using var services = new IngestionServices(new()
        {
            ["Feeds:0:Url"] = "https://example.com/rss",
            ["Feeds:0:Every"] = "00:15:00",
            ["Feeds:1:Url"] = "http://example.org/atom.xml",
        });

        var feeds = services.Services.GetRequiredService<IOptions<FeedsOptions>>().Value;

        Assert.Equal(["https://example.com/rss", "http://example.org/atom.xml"], feeds.Select(f => f.Url));
        Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30)], feeds.Select(f => f.Every));
    }

    [Fact]
    public async Task Value_NoFeedsSection_IsEmpty()
    {
        await using var services = new IngestionServices();

        Assert.Empty(services.Services.GetRequiredService<IOptions<FeedsOptions>>().Value);
    }

    [Fact]
    public async Task Value_InvalidFeeds_FailsNamingEachKey()
    {
        await using var services = new IngestionServices(new()
        {
            ["Feeds:0:Url"] = "https://example.com/rss",
            ["Feeds:1:Url"] = "/relative/rss",
            ["Feeds:2:Url"] = "ftp://example.com/rss",
            ["Feeds:3:Url"] = "https://example.com/fast",
            ["Feeds:3:Every"] = "00:00:30",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.Services.GetRequiredService<IOptions<FeedsOptions>>().Value);

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("Feeds:1:Url ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Feeds:2:Url ", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Feeds:3:Every ", StringComparison.Ordinal));
    }
}
