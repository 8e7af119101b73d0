using BriefingBot.Articles;

namespace BriefingBot.Tests.Articles;

public sealed class ArticleFingerprintTests
{
    private static string SampleBody(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "samples", file)).Split("\n\n", 2)[1];

    private static uint[] Signature(string text) => ArticleFingerprint.MinHash(ArticleFingerprint.Normalize(text));

    [Fact]
    public void Normalize_PunctuationCaseAndSpacing_Removed()
    {
        Assert.Equal("north korea s troops 3 5", ArticleFingerprint.Normalize("  North   Korea's TROOPS, (3.5)! "));
    }

    [Fact]
    public void ContentHash_SameTextDifferentFormatting_Equal()
    {
        Assert.Equal(
            ArticleFingerprint.ContentHash(ArticleFingerprint.Normalize("Troops move.\n\nOfficials said so.")),
            ArticleFingerprint.ContentHash(ArticleFingerprint.Normalize("troops move officials said so")));
    }

    [Fact]
    public void Similarity_SameWireStoryFromTwoAgencies_AtLeastThreshold()
    {
        var reuters = Signature(SampleBody("01-north-korea-troops.txt"));
        var ap = Signature(SampleBody("02-north-korea-troops-ap.txt"));

        Assert.True(ArticleFingerprint.Similarity(reuters, ap) >= ArticleFingerprint.NearDuplicateSimilarity);
        Assert.NotEmpty(ArticleFingerprint.BandKeys(reuters).Intersect(ArticleFingerprint.BandKeys(ap)));
    }

    [Fact]
    public void Similarity_DifferentStoriesOnTheSameTopic_FarBelowThreshold()
    {
        var troops = Signature(SampleBody("01-north-korea-troops.txt"));
        var others = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "config", "samples"), "*.txt")
            .Where(f => !Path.GetFileName(f).StartsWith("01", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("02", StringComparison.Ordinal))
            .Select(f => Signature(File.ReadAllText(f).Split("\n\n", 2)[1]))
            .ToList();

        Assert.NotEmpty(others);
        Assert.All(others, o => Assert.True(ArticleFingerprint.Similarity(troops, o) < 0.2));
    }

    [Fact]
    public void Signature_RoundTripsThroughBytes()
    {
        var signature = Signature("a short text about a summit in Seoul and the talks that followed");

        Assert.Equal(signature, ArticleFingerprint.FromBytes(ArticleFingerprint.ToBytes(signature)));
        Assert.Equal(ArticleFingerprint.SignatureSize * sizeof(uint), ArticleFingerprint.ToBytes(signature).Length);
    }
}
