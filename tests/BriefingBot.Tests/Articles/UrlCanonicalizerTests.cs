using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Tests.Articles;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("HTTPS://Example.COM/News/Story", "https://example.com/News/Story")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("http://example.com:8080/a", "http://example.com:8080/a")]
    [InlineData("https://example.com/a#comments", "https://example.com/a")]
    [InlineData("https://example.com/a/", "https://example.com/a")]
    [InlineData("https://example.com/", "https://example.com/")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/a?utm_source=x&utm_medium=y&id=7", "https://example.com/a?id=7")]
    [InlineData("https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ref=5&igshid=6", "https://example.com/a")]
    [InlineData("https://example.com/a?UTM_Campaign=x&page=2", "https://example.com/a?page=2")]
    [InlineData("https://example.com/a?z=1&a=2&m=3", "https://example.com/a?a=2&m=3&z=1")]
    [InlineData("https://example.com/a?b=2&a=1#top", "https://example.com/a?a=1&b=2")]
    [InlineData("https://example.com/a?reference=1", "https://example.com/a?reference=1")]
    public void Canonicalize_WebUrl_ReturnsCanonicalForm(string url, string expected) =>
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(new Uri(url)));

    [Fact]
    public void Canonicalize_SameArticleSharedTwoWays_GivesSameUrl() =>
        Assert.Equal(
            UrlCanonicalizer.Canonicalize(new Uri("https://News.example.com/world/story-1/?utm_source=twitter&b=2&a=1#x")),
            UrlCanonicalizer.Canonicalize(new Uri("https://news.example.com:443/world/story-1?a=1&b=2&fbclid=abc")));

    [Fact]
    public void Canonicalize_FileUri_ReturnsItUnchanged()
    {
        var file = new Uri("file:///tmp/Some%20Folder/a.txt");

        Assert.Equal(file.AbsoluteUri, UrlCanonicalizer.Canonicalize(file));
    }
}
