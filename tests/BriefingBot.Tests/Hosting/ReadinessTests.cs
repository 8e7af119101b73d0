using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace BriefingBot.Tests.Hosting;

public sealed class ReadinessTests
{
    private static async Task<(int? Status, string Body)> CheckAsync(IServiceProvider services)
    {
        var result = await Readiness.CheckAsync(services, TestContext.Current.CancellationToken);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (((IStatusCodeHttpResult)result).StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    private static ServiceProvider Services(IArticleStore store, PlatformStatus status)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(store);
        services.AddSingleton(status);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Check_PlatformStillConnecting_503NamingIt()
    {
        var status = new PlatformStatus();
        status.Expect("discord");
        await using var services = Services(Substitute.For<IArticleStore>(), status);

        var (code, body) = await CheckAsync(services);

        Assert.Equal(503, code);
        Assert.Contains("\"discord\":\"connecting\"", body, StringComparison.Ordinal);
        Assert.Contains("\"store\":\"ok\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_StoreUpAndPlatformConnected_200()
    {
        var status = new PlatformStatus();
        status.Expect("slack");
        status.Up("slack");
        await using var services = Services(Substitute.For<IArticleStore>(), status);

        var (code, body) = await CheckAsync(services);

        Assert.Equal(200, code);
        Assert.Contains("\"status\":\"ready\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_StoreThrows_503WithoutTheProviderMessage()
    {
        var store = Substitute.For<IArticleStore>();
        store.CountAsync(Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("Host=db.internal;Password=hunter2"));
        await using var services = Services(store, new PlatformStatus());

        var (code, body) = await CheckAsync(services);

        Assert.Equal(503, code);
        Assert.Contains("unreachable (InvalidOperationException)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", body, StringComparison.Ordinal);
    }
}
