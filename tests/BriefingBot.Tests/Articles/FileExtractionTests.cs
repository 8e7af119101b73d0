using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Files;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Articles;

public sealed class FileExtractionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void TextParse_HeadersAfterTitle_ReadsMetadataAndBody()
    {
        var body = SampleText.Paragraphs(3);
        var article = TextArticleParser.Parse(
            $"\n\nBorder talks resume\nSource: Test Herald\nAuthor: Ada Reporter\nPublished: 2026-11-20\nURL: https://example.com/talks?utm_source=x\n\n{body}\n");

        Assert.Equal("Border talks resume", article.Title);
        Assert.Equal("Test Herald", article.Source);
        Assert.Equal("Ada Reporter", article.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(new Uri("https://example.com/talks?utm_source=x"), article.Url);
        Assert.Equal(body, article.Text);
    }

    [Fact]
    public void TextParse_IsoDateTimeHeader_KeepsTimeAndOffset()
    {
        var article = TextArticleParser.Parse("Title\nPublished: 2026-11-20T08:30:00+02:00\n\nBody text.");

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.FromHours(2)), article.PublishedAt);
    }

    [Fact]
    public void TextParse_FirstParagraphRepeatsTitle_DropsIt()
    {
        var article = TextArticleParser.Parse("Troops move north\n\nTroops Move North\n\nThe first real paragraph.\n\nThe second.");

        Assert.Equal("The first real paragraph.\n\nThe second.", article.Text);
    }

    [Fact]
    public void TextParse_LineAfterTitleIsNotAHeader_KeepsItAsBody()
    {
        var article = TextArticleParser.Parse("Title\nNote: this line is text, not a header.\n\nMore.");

        Assert.Null(article.Source);
        Assert.StartsWith("Note: this line is text", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownParse_FrontMatter_ReadsMetadataAndStripsSyntax()
    {
        var article = MarkdownArticleParser.Parse("""
            ---
            title: "Summit ends"
            source: Wire Service
            author: Grace Writer
            published: 2026-11-21T09:00:00Z
            url: https://example.com/summit
            ---
            # Heading kept as text

            Leaders **met** in the _capital_ and [signed nothing](https://example.com/x).
            ![a photo](https://example.com/p.jpg)

            > A quoted `line`.

            - first point
            - second point
            """);

        Assert.Equal("Summit ends", article.Title);
        Assert.Equal("Wire Service", article.Source);
        Assert.Equal("Grace Writer", article.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal(new Uri("https://example.com/summit"), article.Url);
        Assert.Contains("Heading kept as text", article.Text, StringComparison.Ordinal);
        Assert.Contains("Leaders met in the capital and signed nothing.", article.Text, StringComparison.Ordinal);
        Assert.Contains("A quoted line.", article.Text, StringComparison.Ordinal);
        Assert.Contains("first point second point", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("# ", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Use snake_case and other_case names.", "Use snake_case and other_case names.")]
    [InlineData("The product 2*3*4 is 24.", "The product 2*3*4 is 24.")]
    [InlineData("A **bold** and *soft* claim.", "A bold and soft claim.")]
    [InlineData("Tom &amp; Jerry, `code` and <span>tags</span>.", "Tom & Jerry, code and tags.")]
    public void MarkdownParse_InlineSyntax_KeepsTextThatIsNotMarkup(string body, string expected)
    {
        var article = MarkdownArticleParser.Parse("# Title\n\n" + body);

        Assert.Equal(expected, article.Text);
    }

    [Fact]
    public void MarkdownParse_FrontMatterNotYaml_IgnoredAndTextKept()
    {
        var article = MarkdownArticleParser.Parse("---\ntitle: [unclosed\n---\n# Heading\n\nBody.");

        Assert.Equal("Heading", article.Title);
        Assert.Equal("Body.", article.Text);
    }

    [Fact]
    public void MarkdownParse_NoFrontMatter_FirstHeadingIsTitle()
    {
        var article = MarkdownArticleParser.Parse("Some intro line.\n\n# The *Real* Title\n\nBody here.");

        Assert.Equal("The Real Title", article.Title);
        Assert.Equal("Some intro line.\n\nBody here.", article.Text);
    }

    [Fact]
    public async Task ReadAsync_HtmlFile_ExtractsMainTextAndMetadata()
    {
        using var folder = new TempFolder();
        var path = folder.Write("page.html", SampleText.Html(5, "Drone strike on harbour"));

        var article = await FileArticleReader.ReadAsync(path, Cancel);

        Assert.Equal("Drone strike on harbour", article.Title);
        Assert.Equal("Test Herald", article.Source);
        Assert.Equal("Ada Reporter", article.Author);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.StartsWith("en", article.Language, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SampleText.Paragraphs(5).Split("\n\n")[1], article.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SharedCorpusFile_TakesFirstLineAsTitleAndDropsRepeatedTitle()
    {
        var path = Path.Combine(SharedFolder.Corpus, "north-korea-troops-russia.txt");

        var article = await FileArticleReader.ReadAsync(path, Cancel);

        Assert.Equal("North Korea’s Potential Military Involvement in Ukraine Sparks Concern Over Escalating Regional Tensions", article.Title);
        Assert.StartsWith("Recent intelligence assessments suggest", article.Text, StringComparison.Ordinal);
        Assert.True(ArticleBuilder.CountWords(article.Text) > 600);
    }

    [Fact]
    public async Task ReadAsync_BinaryContentWithTextExtension_FailsAsBinary()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("fake.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xFE]);

        var error = await Assert.ThrowsAsync<IngestException>(() => FileArticleReader.ReadAsync(path, Cancel));

        Assert.Equal("not a text file (binary content)", error.Message);
    }

    [Fact]
    public void DecodeText_MostlyInvalidUtf8WithoutNul_IsBinary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(0x80 + (i % 100))).ToArray();

        Assert.Null(TextDecoding.DecodeText(bytes));
    }

    [Fact]
    public void DecodeText_Latin1TextWithAFewAccents_DecodesAsLatin1()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("Le ministre a déclaré que la situation était grave, selon les témoins sur place ce matin.");

        Assert.Equal("Le ministre a déclaré que la situation était grave, selon les témoins sur place ce matin.", TextDecoding.DecodeText(bytes));
    }

    [Fact]
    public async Task ReadAsync_UnsupportedExtension_FailsNamingTheType()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("scan.pdf", "%PDF-1.7"u8.ToArray());

        var error = await Assert.ThrowsAsync<IngestException>(() => FileArticleReader.ReadAsync(path, Cancel));

        Assert.StartsWith("unsupported file type '.pdf'", error.Message, StringComparison.Ordinal);
    }
}
