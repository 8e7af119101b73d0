using BriefingBot.Articles.Ingestion;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles;

public sealed class FileIngestionTests
{
    [Fact]
    public async Task IngestAsync_FolderTwice_SecondTimeAllDuplicates()
    {
        using var folder = new TempFolder();
        folder.Write("a.txt", "Alpha story\n\n" + SampleText.Paragraphs(101));
        folder.Write("nested/deeper/b.md", "# Beta story\n\n" + SampleText.Paragraphs(102));
        folder.Write("nested/c.html", SampleText.Html(103, "Gamma story"));
        folder.WriteBytes("nested/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00]);
        folder.Write("notes.docx", "ignored");
        await using var services = new IngestionServices();

        var first = await services.IngestAsync(IngestTrust.Operator, folder.Path);
        var second = await services.IngestAsync(IngestTrust.Operator, folder.Path);

        Assert.Equal("ingested 3, duplicates 0, failed 0", first.CountsLine);
        Assert.Equal("ingested 0, duplicates 3, failed 0", second.CountsLine);
        Assert.Equal(first.Items.Select(i => i.ArticleId), second.Items.Select(i => i.ArticleId));
        Assert.Equal(3, services.Store.All.Count);
    }

    [Fact]
    public async Task IngestAsync_TextFile_StoresFingerprintedArticleWithFileUrl()
    {
        using var folder = new TempFolder();
        var text = SampleText.Paragraphs(7);
        var path = folder.Write("story.txt", "Refugees cross the river\n\n" + text);
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, path);

        var item = Assert.Single(report.Items);
        Assert.Equal(IngestStatus.Added, item.Status);
        Assert.Equal("Refugees cross the river", item.Title);
        var stored = Assert.Single(services.Store.All);
        var fileUrl = new Uri(path).AbsoluteUri;
        Assert.Equal(fileUrl, stored.Url);
        Assert.Equal(fileUrl, stored.CanonicalUrl);
        Assert.Equal("file", stored.Source);
        Assert.Equal("en", stored.Language);
        Assert.Equal(BriefingBot.Articles.ArticleFingerprint.ContentHash(BriefingBot.Articles.ArticleFingerprint.Normalize(text)), stored.ContentHash);
    }

    [Fact]
    public async Task IngestAsync_SharedCorpusFile_IsAdded()
    {
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, Path.Combine(SharedFolder.Corpus, "north-korea-troops-russia.txt"));

        Assert.Equal(IngestStatus.Added, Assert.Single(report.Items).Status);
        Assert.StartsWith("North Korea", services.Store.All[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestAsync_FileWithUrlHeader_UsesCanonicalWebUrl()
    {
        using var folder = new TempFolder();
        var path = folder.Write("web.txt", "Title\nURL: https://Example.com/story/?utm_source=mail\n\n" + SampleText.Paragraphs(8));
        await using var services = new IngestionServices();

        await services.IngestAsync(IngestTrust.Operator, path);

        Assert.Equal("https://example.com/story", services.Store.All[0].CanonicalUrl);
    }

    [Fact]
    public async Task IngestAsync_SameTextUnderTwoNames_SecondIsDuplicate()
    {
        using var folder = new TempFolder();
        var body = SampleText.Paragraphs(9);
        var first = folder.Write("one.txt", "Same story\n\n" + body);
        var second = folder.Write("two.txt", "Same story, other title\n\n" + body);
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, first, second);

        Assert.Equal([IngestStatus.Added, IngestStatus.Duplicate], report.Items.Select(i => i.Status));
    }

    [Fact]
    public async Task IngestAsync_BadSourcesAmongGoodOnes_ReportsEachReasonAndStoresTheRest()
    {
        using var folder = new TempFolder();
        var good = folder.Write("good.txt", "Good story\n\n" + SampleText.Paragraphs(10));
        var shortText = folder.Write("short.txt", "Short\n\nOnly a handful of words here.");
        var empty = folder.Write("empty.md", "");
        var binary = folder.WriteBytes("binary.txt", [1, 2, 0, 4, 5]);
        var unsupported = folder.WriteBytes("report.pdf", "%PDF-1.7"u8.ToArray());
        var alsoGood = folder.Write("good2.md", "# Another\n\n" + SampleText.Paragraphs(11));
        var missing = Path.Combine(folder.Path, "nope.txt");
        await using var services = new IngestionServices();

        var report = await services.IngestAsync(IngestTrust.Operator, good, shortText, empty, binary, unsupported, missing, "ftp://example.com/a.txt", alsoGood);

        Assert.Equal(
            [
                null,
                "no article text found",
                "no article text found",
                "not a text file (binary content)",
                "unsupported file type '.pdf' (supported: .txt, .md, .markdown, .html, .htm)",
                "no such file or folder",
                "unsupported URL scheme 'ftp' (use http, https or a file path)",
                null,
            ],
            report.Items.Select(i => i.Error));
        Assert.Equal("ingested 2, duplicates 0, failed 6", report.CountsLine);
        Assert.Equal(2, services.Store.All.Count);
    }

    [Fact]
    public async Task IngestAsync_FolderOfMoreThanOneBatch_StoresInBatchesAndReportsProgress()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < ArticleIngestor.BatchSize + 5; i++)
        {
            folder.Write($"f{i:D3}.txt", $"Story {i}\n\n" + SampleText.Paragraphs(1000 + i, paragraphs: 1, wordsPerParagraph: 40));
        }

        var reports = new List<IngestProgress>();
        await using var services = new IngestionServices();

        var report = await services.Ingestor.IngestAsync(
            [folder.Path], IngestTrust.Operator, new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(ArticleIngestor.BatchSize + 5, report.Items.Count);
        Assert.Equal(0, report.Failed);
        Assert.Equal(2, services.Store.AddManyCalls);
        Assert.Equal(ArticleIngestor.BatchSize + 5, reports.Count);
        Assert.All(reports, p => Assert.Equal(ArticleIngestor.BatchSize + 5, p.Total));
        Assert.Equal(ArticleIngestor.BatchSize + 5, reports[^1].Done);
    }

    private sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => report(value);
    }
}
