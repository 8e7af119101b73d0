using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Analysis.Developments;

/// <summary>The must-find list of the analysis issue on shared/corpus/north-korea-troops-russia.txt, dated 1 June 2026.</summary>
public sealed class CorpusDevelopmentTests
{
    private static readonly DateOnly Published = new(2026, 6, 1);

    private static readonly Lazy<(string Body, DevelopmentAnalysis Analysis)> Corpus = new(() =>
    {
        var article = ArticleFile.Parse(File.ReadAllText(Path.Combine(SharedFolder.Corpus, "north-korea-troops-russia.txt")));
        return (article.Body, new DevelopmentExtractor(new DictionaryActorRecognizer()).Analyze(article.Body, Published));
    });

    private static IReadOnlyList<ReportedDevelopment> Developments => Corpus.Value.Analysis.Developments;

    [Fact]
    public void Analyze_Corpus_FindsTroopDeploymentWithCombatWindowJulyToAugust()
    {
        var deployment = Assert.Single(Developments, d => d.Claim.Contains("deploy more troops to Russia", StringComparison.Ordinal));

        Assert.Equal("North Korea may deploy more troops to Russia", deployment.Claim);
        Assert.Equal(new TimeWindow(new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31)), deployment.Window);
        Assert.Contains("combat operations against Ukraine", Corpus.Value.Body[deployment.Start..deployment.End], StringComparison.Ordinal);
        Assert.Equal(["North Korea", "Russia", "Ukraine"], deployment.Actors.Select(a => a.Name));
        Assert.Equal("Will North Korea deploy more troops to Russia by 31 August 2026?", deployment.Question);
    }

    [Fact]
    public void Analyze_Corpus_FindsCombatAgainstUkraineInTheSameWindow()
    {
        var combat = Assert.Single(Developments, d => d.Claim.Contains("combat operations against Ukraine", StringComparison.Ordinal));

        Assert.Equal("North Korea may take part in combat operations against Ukraine", combat.Claim);
        Assert.Equal(new TimeWindow(new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31)), combat.Window);
        Assert.Equal(["potential"], combat.Cues);
        Assert.Equal("Will North Korea take part in combat operations against Ukraine by 31 August 2026?", combat.Question);
    }

    [Fact]
    public void Analyze_Corpus_FindsWeaponsSuppliedToRussia()
    {
        Assert.Contains(Developments, d => d.Claim.Contains("supplying weapons to Russia", StringComparison.Ordinal));
        Assert.Contains(Developments, d => d.Claim.StartsWith("The supply of weapons to Russia by North Korea could", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_Corpus_FindsCombatReadyUnits()
    {
        var units = Assert.Single(Developments, d => d.Claim.Contains("combat-ready units", StringComparison.Ordinal));

        Assert.Contains("may send combat-ready units", units.Claim, StringComparison.Ordinal);
        Assert.Equal(["South Korean intelligence indicates", "reportedly (unattributed)"], units.Attribution.Select(a => a.Text));
    }

    [Fact]
    public void Analyze_Corpus_AttributesToReutersCitingUnnamedSouthKoreanIntelligence()
    {
        var reuters = Assert.Single(Developments, d => d.Attribution.Any(a => a.Kind == AttributionKind.According));

        Assert.Equal(
            ["according to Reuters", "citing unnamed South Korean intelligence sources"],
            reuters.Attribution.Where(a => a.Kind != AttributionKind.Unattributed).Select(a => a.Text));
        Assert.Contains("North Korea", reuters.Actors.Select(a => a.Name));
    }

    [Fact]
    public void Analyze_Corpus_DevelopmentsNameTheMainActorsAndSpanWholeSentences()
    {
        var sentences = SentenceSplitter.Split(Corpus.Value.Body).Select(s => (s.Start, s.End)).ToHashSet();

        Assert.All(Developments, d => Assert.Contains((d.Start, d.End), sentences));
        var actors = Developments.SelectMany(d => d.Actors).Select(a => a.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "North Korea", "Russia", "Ukraine", "South Korea", "Japan" }, actors);
        Assert.DoesNotContain("Reuters", actors);
    }
}
