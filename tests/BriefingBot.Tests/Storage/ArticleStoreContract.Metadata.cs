namespace BriefingBot.Tests.Storage;

public abstract partial class ArticleStoreContract
{
    [Fact]
    public async Task MetadataGetAsync_MissingKey_ReturnsNull()
    {
        await using var harness = await OpenAsync();

        Assert.Null(await harness.Metadata.GetAsync("samples.ingested", Ct));
    }

    [Fact]
    public async Task MetadataSetAsync_NewKey_CanBeReadBack()
    {
        await using var harness = await OpenAsync();

        await harness.Metadata.SetAsync("samples.ingested", "2026-03-01", Ct);

        Assert.Equal("2026-03-01", await harness.Metadata.GetAsync("samples.ingested", Ct));
        Assert.Null(await harness.Metadata.GetAsync("samples.other", Ct));
    }

    [Fact]
    public async Task MetadataSetAsync_ExistingKey_OverwritesValue()
    {
        await using var harness = await OpenAsync();
        await harness.Metadata.SetAsync("cursor", "1", Ct);

        await harness.Metadata.SetAsync("cursor", "2", Ct);

        Assert.Equal("2", await harness.Metadata.GetAsync("cursor", Ct));
    }

    [Fact]
    public async Task MigrateAsync_AlreadyMigrated_AppliesNothingAndKeepsData()
    {
        await using var harness = await OpenAsync();
        await harness.Metadata.SetAsync("kept", "yes", Ct);
        await harness.Articles.AddAsync(TestArticles.Create("Kept", TestArticles.LongText(70)), Ct);

        var applied = await harness.Migrator.MigrateAsync(Ct);

        Assert.Equal(0, applied);
        Assert.Equal("yes", await harness.Metadata.GetAsync("kept", Ct));
        Assert.Equal(1, await harness.Articles.CountAsync(Ct));
    }
}
