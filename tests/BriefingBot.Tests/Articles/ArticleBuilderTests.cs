using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Articles;

public sealed class ArticleBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private readonly ArticleBuilder builder = new(new FakeTimeProvider(Now));

    [Fact]
    public void Build_ExtractedArticle_FingerprintsTextAndStampsFetchTime()
    {
        var text = SampleText.Paragraphs(40);
        var extracted = new ExtractedArticle("  Title  ", text) { Source = "Wire", Author = "Ada", Language = "de-AT" };

        var article = builder.Build(extracted, "https://e.com/a?utm_source=x", "https://e.com/a", "fallback", "file");

        var normalized = ArticleFingerprint.Normalize(text);
        Assert.Equal("Title", article.Title);
        Assert.Equal("Wire", article.Source);
        Assert.Equal("de", article.Language);
        Assert.Equal(Now, article.FetchedAt);
        Assert.Equal(ArticleFingerprint.ContentHash(normalized), article.ContentHash);
        Assert.Equal(ArticleFingerprint.MinHash(normalized), article.MinHash);
    }

    [Fact]
    public void Build_NoTitleNoSourceNoLanguage_UsesFallbacksAndEnglish()
    {
        var article = builder.Build(new ExtractedArticle(" ", SampleText.Paragraphs(41)), "u", "u", "fallback title", "file");

        Assert.Equal("fallback title", article.Title);
        Assert.Equal("file", article.Source);
        Assert.Equal("en", article.Language);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Nineteen words only: one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.")]
    public void Build_UnderTwentyWords_FailsNoArticleText(string text)
    {
        var error = Assert.Throws<IngestException>(() => builder.Build(new ExtractedArticle("T", text), "u", "u", "f", "file"));

        Assert.Equal("no article text found", error.Message);
    }
}
