using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Analysis.Developments;

public sealed class DevelopmentMergerTests
{
    private static readonly DevelopmentExtractor Extractor = new(new DictionaryActorRecognizer());

    private static IEnumerable<SourcedDevelopment> FromSample(string name)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "config", "samples");
        var article = ArticleFile.Parse(File.ReadAllText(Path.Combine(root, name)));
        return Extractor.Analyze(article.Body, article.Published!.Value).Developments.Select(d => new SourcedDevelopment(name, d));
    }

    [Fact]
    public void Merge_ReutersAndApReportSameTroopClaim_CorroboratedByBoth()
    {
        var merged = DevelopmentMerger.Merge(FromSample("01-north-korea-troops.txt").Concat(FromSample("02-north-korea-troops-ap.txt")));

        var troops = Assert.Single(merged, m => m.Development.Claim.Contains("more troops", StringComparison.Ordinal));
        Assert.Equal(2, troops.Corroboration);
        Assert.Equal(["01-north-korea-troops.txt", "02-north-korea-troops-ap.txt"], troops.Sources);
    }

    [Fact]
    public void Merge_DifferentClaimsSameActors_KeepsThemApart()
    {
        var developments = Extractor.Analyze("North Korea may send troops to Russia. North Korea could test a missile over Japan.", new DateOnly(2026, 6, 1)).Developments;

        var merged = DevelopmentMerger.Merge(developments.Select(d => new SourcedDevelopment("a", d)));

        Assert.Equal(2, merged.Count);
        Assert.All(merged, m => Assert.Equal(1, m.Corroboration));
    }

    [Fact]
    public void Merge_SameWordsNoSharedActor_KeepsThemApart()
    {
        var a = Development("may send troops to the border", new Actor("PRK", "North Korea", ActorKind.State));
        var b = Development("may send troops to the border", new Actor("IND", "India", ActorKind.State));

        Assert.Equal(0, DevelopmentMerger.Similarity(a, b));
        Assert.Equal(2, DevelopmentMerger.Merge([new("x", a), new("y", b)]).Count);
    }

    [Fact]
    public void Merge_SameClaimTwiceFromOneArticle_CountsTheArticleOnce()
    {
        var a = Development("North Korea may send more troops to Russia", new Actor("PRK", "North Korea", ActorKind.State));

        var merged = Assert.Single(DevelopmentMerger.Merge([new("x", a), new("x", a with { Start = 100 })]));

        Assert.Equal(1, merged.Corroboration);
    }

    [Fact]
    public void Merge_SameClaimDisjointWindows_KeepsThemApart()
    {
        var north = new Actor("PRK", "North Korea", ActorKind.State);
        var summer = Development("North Korea may send more troops to Russia", north) with { Window = new(new(2026, 7, 1), new(2026, 8, 31)) };
        var winter = summer with { Window = new(new(2027, 1, 1), new(2027, 1, 31)) };
        var open = summer with { Window = null };

        var merged = DevelopmentMerger.Merge([new("summer", summer), new("open", open), new("winter", winter)]);

        Assert.Equal([["summer", "open"], ["winter"]], merged.Select(m => m.Sources));
    }

    [Fact]
    public void Merge_AllSamples_GroupsTroopReportsFromSeveralAgencies()
    {
        var samples = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "config", "samples"), "*.txt").Order(StringComparer.Ordinal).Select(Path.GetFileName);

        var merged = DevelopmentMerger.Merge(samples.SelectMany(name => FromSample(name!)));

        var troops = merged.Single(m => m.Development.Claim.Contains("more troops", StringComparison.Ordinal));
        Assert.Superset(new HashSet<string> { "01-north-korea-troops.txt", "02-north-korea-troops-ap.txt", "04-eu-sanctions-package.txt" }, troops.Sources.ToHashSet());
    }

    [Fact]
    public void Merge_CorpusSummerClaimAndSamplesJanuaryClaim_StayApartEvenThroughAnUndatedReport()
    {
        var corpus = ArticleFile.Parse(File.ReadAllText(Path.Combine(SharedFolder.Corpus, "north-korea-troops-russia.txt")));
        var summer = Extractor.Analyze(corpus.Body, new DateOnly(2026, 6, 1)).Developments.Select(d => new SourcedDevelopment("corpus", d));
        var samples = new[] { "10-nato-air-defence-kyiv.txt", "01-north-korea-troops.txt" }.SelectMany(FromSample);

        var merged = DevelopmentMerger.Merge(summer.Concat(samples));

        var deployment = merged.Single(m => m.Sources.Contains("corpus") && m.Development.Claim.Contains("more troops", StringComparison.Ordinal));
        Assert.DoesNotContain("01-north-korea-troops.txt", deployment.Sources);
    }

    private static ReportedDevelopment Development(string claim, Actor actor) =>
        new(0, 10, claim, [actor], ["may"], 0.4, [], null, "Will it?", new DateOnly(2026, 12, 1));
}
