using BriefingBot.Articles.Feeds;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Storage;

/// <summary>What every <see cref="IFeedStore"/> must do; SQLite and PostgreSQL run all of it.</summary>
public abstract class FeedStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<StorageHarness> OpenAsync();

    private static IFeedStore Store(StorageHarness harness) => harness.Services.GetRequiredService<IFeedStore>();

    private static Feed New(string url, string? tenant = "discord:1", DateTimeOffset? due = null) =>
        new(0, tenant, url, null, TimeSpan.FromMinutes(30), tenant is null ? FeedOrigin.Config : FeedOrigin.Chat, Now, due ?? Now)
        {
            StateSince = Now,
            AddedPlatform = tenant is null ? null : "discord",
            AddedChannel = tenant is null ? null : "c1",
            AddedBy = tenant is null ? null : "u1",
        };

    [Fact]
    public async Task AddAsync_SameTenantAndCanonicalUrl_ReturnsTheExistingFeed()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);

        var (first, created) = await store.AddAsync(New("https://example.com/feed.xml"), Ct);
        var (again, createdAgain) = await store.AddAsync(New("https://EXAMPLE.com/feed.xml?utm_source=x"), Ct);
        var (other, createdOther) = await store.AddAsync(New("https://example.com/feed.xml", tenant: "slack:T1"), Ct);
        var (shared, createdShared) = await store.AddAsync(New("https://example.com/feed.xml", tenant: null), Ct);

        Assert.Equal((true, false, true, true), (created, createdAgain, createdOther, createdShared));
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(3, new[] { first.Id, other.Id, shared.Id }.Distinct().Count());
        Assert.Null(shared.Tenant);
        Assert.Equal(("discord:1", "https://example.com/feed.xml", FeedOrigin.Chat, FeedState.Active, "c1"), (first.Tenant, first.Url, first.Origin, first.State, first.AddedChannel));
    }

    [Fact]
    public async Task UpdateAsync_EveryField_IsReadBack()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (feed, _) = await store.AddAsync(New("https://example.com/a.xml"), Ct);
        var changed = feed with
        {
            Title = "A feed",
            Interval = TimeSpan.FromHours(2),
            NextDueAt = Now.AddHours(3),
            ETag = "\"v1\"",
            LastModified = "Sat, 28 Feb 2026 10:00:00 GMT",
            LastFetchAt = Now.AddMinutes(1),
            LastSuccessAt = Now.AddMinutes(1),
            ItemsStored = 42,
            State = FeedState.Disabled,
            StateReason = FeedReasons.TooManyFailures,
            StateSince = Now.AddMinutes(2),
            ConsecutiveFailures = 10,
            FailingSince = Now.AddMinutes(-5),
            LastError = "HTTP 500 Internal Server Error",
        };

        Assert.True(await store.UpdateAsync(changed, Ct));
        var read = await store.GetAsync(feed.Id, Ct);

        Assert.Equal(changed, read);
    }

    [Fact]
    public async Task ListDueAsync_OnlyActiveAndDue_SoonestFirst()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (later, _) = await store.AddAsync(New("https://example.com/later.xml", due: Now.AddMinutes(-1)), Ct);
        var (sooner, _) = await store.AddAsync(New("https://example.com/sooner.xml", due: Now.AddMinutes(-10)), Ct);
        await store.AddAsync(New("https://example.com/future.xml", due: Now.AddMinutes(10)), Ct);
        var (paused, _) = await store.AddAsync(New("https://example.com/paused.xml", due: Now.AddMinutes(-20)), Ct);
        await store.UpdateAsync(paused with { State = FeedState.Paused }, Ct);

        var due = await store.ListDueAsync(Now, 10, Ct);

        Assert.Equal([sooner.Id, later.Id], due.Select(f => f.Id));
        Assert.Single(await store.ListDueAsync(Now, 1, Ct));
    }

    [Fact]
    public async Task DeleteAsync_RemovesOnce()
    {
        await using var harness = await OpenAsync();
        var store = Store(harness);
        var (feed, _) = await store.AddAsync(New("https://example.com/gone.xml"), Ct);

        Assert.True(await store.DeleteAsync(feed.Id, Ct));
        Assert.False(await store.DeleteAsync(feed.Id, Ct));
        Assert.Null(await store.GetAsync(feed.Id, Ct));
        Assert.False(await store.UpdateAsync(feed, Ct));
        Assert.Empty(await store.ListAsync(Ct));
    }
}
