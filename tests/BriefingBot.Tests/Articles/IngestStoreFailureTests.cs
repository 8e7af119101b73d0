using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace BriefingBot.Tests.Articles;

public sealed class IngestStoreFailureTests
{
    [Fact]
    public async Task IngestAsync_BatchInsertThrows_StoresOneByOneAndFailsOnlyTheBadArticle()
    {
        using var folder = new TempFolder();
        var good = folder.Write("a.txt", "Good\n\n" + SampleText.Paragraphs(71));
        var bad = folder.Write("b.txt", "Bad\n\n" + SampleText.Paragraphs(72));
        var store = Substitute.For<IArticleStore>();
        store.AddManyAsync(Arg.Any<IReadOnlyList<NewArticle>>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("constraint failed"));
        store.AddAsync(Arg.Is<NewArticle>(a => a.Title == "Good"), Arg.Any<CancellationToken>()).Returns(new AddResult(AddOutcome.Added, 41, 41));
        store.AddAsync(Arg.Is<NewArticle>(a => a.Title == "Bad"), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("value too long"));
        await using var services = new IngestionServices(configure: s => s.AddSingleton(store));

        var report = await services.IngestAsync(IngestTrust.Operator, good, bad);

        Assert.Equal((IngestStatus.Added, (long?)41), (report.Items[0].Status, report.Items[0].ArticleId));
        Assert.Equal((IngestStatus.Failed, "could not store the article: value too long"), (report.Items[1].Status, report.Items[1].Error));
    }
}
