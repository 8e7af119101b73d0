using System.Net;
using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Web;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace BriefingBot.Tests.Articles;

/// <summary>SSRF: what a chat user may make the bot fetch, checked against a real server on loopback.</summary>
public sealed class ChatUserGuardTests : IAsyncLifetime
{
    private const string OnlyHttp = "only http(s) URLs can be added from chat";

    private TestWebServer server = null!;

    public async ValueTask InitializeAsync() => server = await TestWebServer.StartAsync();

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task IngestAsync_ChatUserGivesExistingFilePath_RefusesIt()
    {
        using var folder = new TempFolder();
        var path = folder.Write("secret.txt", "Secret\n\n" + SampleText.Paragraphs(50));
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.ChatUser, path, new Uri(path).AbsoluteUri, folder.Path, "/etc/passwd");

        Assert.All(report.Items, i => Assert.Equal(OnlyHttp, i.Error));
        Assert.Empty(services.Store.All);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("[::ffff:127.0.0.1]")]
    [InlineData("localhost")]
    public async Task IngestAsync_ChatUserGivesLoopbackUrl_RefusesWithoutConnecting(string host)
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.ChatUser, $"http://{host}:{server.BaseUrl.Port}/article");

        Assert.StartsWith("refused: ", Assert.Single(report.Items).Error, StringComparison.Ordinal);
        Assert.Equal(0, server.RequestCount);
        Assert.Empty(services.Store.All);
    }

    [Fact]
    public async Task IngestAsync_ChatUserGivesNameResolvingToPrivateAddress_RefusesIt()
    {
        await using var services = new IngestionServices();
        services.Resolver.Names["evil.test"] = [IPAddress.Loopback];

        var report = await services.IngestAsync(IngestTrust.ChatUser, $"http://evil.test:{server.BaseUrl.Port}/article");

        Assert.Equal("refused: evil.test is a private or local address; only public hosts can be added from chat", Assert.Single(report.Items).Error);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task IngestAsync_OperatorGivesLoopbackUrl_FetchesIt()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, server.Url("article").AbsoluteUri);

        Assert.Equal(IngestStatus.Added, Assert.Single(report.Items).Status);
    }

    [Fact]
    public async Task IngestAsync_AllowPrivateHostsConfigured_ChatUserMayFetchLoopback()
    {
        await using var services = new IngestionServices(new() { ["Articles:AllowPrivateHosts"] = "true" });

        var report = await services.IngestAsync(IngestTrust.ChatUser, server.Url("article").AbsoluteUri);

        Assert.Equal(IngestStatus.Added, Assert.Single(report.Items).Status);
    }

    [Fact]
    public async Task IngestAsync_ChatUserFeedOnPrivateHost_RefusesTheFeed()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.ChatUser, server.Url("teasers.rss").AbsoluteUri);

        Assert.StartsWith("refused: ", Assert.Single(report.Items).Error, StringComparison.Ordinal);
    }

    // The real policy refuses every loopback address, so this test stands in a policy under which 127.0.0.1 is
    // "public" and 127.0.0.2 is not: the redirect then has to be caught by the connect-time check.
    [Fact]
    public async Task IngestAsync_ChatUserUrlRedirectsToPrivateAddress_RefusesTheRedirect()
    {
        var resolver = new FakeHostResolver();
        resolver.Names["news.test"] = [IPAddress.Loopback];
        resolver.Names["evil.test"] = [IPAddress.Parse("127.0.0.2")];
        var ingestor = GuardedIngestor(resolver);
        var port = server.BaseUrl.Port;
        var target = Uri.EscapeDataString($"http://evil.test:{port}/article");

        var report = await ingestor.IngestAsync(
            [$"http://news.test:{port}/redirect-to?url={target}"], IngestTrust.ChatUser, null, TestContext.Current.CancellationToken);

        Assert.Equal("refused: evil.test is a private or local address; only public hosts can be added from chat", Assert.Single(report.Items).Error);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task IngestAsync_ChatUserHostWithPrivateAndAllowedAddresses_ConnectsOnlyToTheAllowedOne()
    {
        var resolver = new FakeHostResolver();
        resolver.Names["mixed.test"] = [IPAddress.Parse("127.0.0.2"), IPAddress.Loopback];

        var report = await GuardedIngestor(resolver).IngestAsync(
            [$"http://mixed.test:{server.BaseUrl.Port}/article"], IngestTrust.ChatUser, null, TestContext.Current.CancellationToken);

        Assert.Equal(IngestStatus.Added, Assert.Single(report.Items).Status);
    }

    private static ArticleIngestor GuardedIngestor(IHostResolver resolver)
    {
        var connector = new GuardedConnector(resolver, address => address.Equals(IPAddress.Loopback));
        var clients = Substitute.For<IHttpClientFactory>();
        clients.CreateClient(WebFetcher.ChatUserClient).Returns(_ =>
        {
            var client = new HttpClient(IngestHttpClients.CreateHandler(connector));
            IngestHttpClients.Configure(client);
            return client;
        });
        var web = new WebFetcher(clients, Options.Create(new ArticlesOptions()));
        return new ArticleIngestor(new InMemoryArticleStore(), web, new ArticleBuilder(TimeProvider.System), NullLogger<ArticleIngestor>.Instance);
    }
}
