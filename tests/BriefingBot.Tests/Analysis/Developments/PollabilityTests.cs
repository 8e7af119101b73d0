using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;
using BriefingBot.Tests.Analysis.Actors;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Analysis.Developments;

public sealed class PollabilityTests
{
    private static readonly DateOnly Published = new(2026, 6, 1);

    private static readonly Lazy<IReadOnlyList<ReportedDevelopment>> Seed = new(() =>
    {
        var article = ArticleFile.Parse(File.ReadAllText(Path.Combine(SharedFolder.Corpus, "north-korea-troops-russia.txt")));
        return new DevelopmentExtractor(TestCatalog.Recognizer).Analyze(article.Body, Published).Developments;
    });

    [Theory]
    [InlineData("Will North Korea deploy more troops to Russia by 31 August 2026?")]
    [InlineData("Will North Korea take part in combat operations against Ukraine by 31 August 2026?")]
    [InlineData("Will North Korea send combat-ready units to bolster Russia’s military efforts in Ukraine by")]
    public void IsPollable_SeedArticleConcreteDevelopment_True(string question)
    {
        var development = Assert.Single(Seed.Value, d => d.Question.StartsWith(question, StringComparison.Ordinal));

        Assert.True(development.Pollable);
    }

    [Fact]
    public void IsPollable_SeedArticleWeaponsAndUnits_OneDevelopmentWithBoth()
    {
        var units = Assert.Single(Seed.Value, d => d.Claim.Contains("supplying weapons to Russia", StringComparison.Ordinal));

        Assert.Contains("may send combat-ready units", units.Claim, StringComparison.Ordinal);
        Assert.True(units.Pollable);
    }

    [Fact]
    public void IsPollable_SeedArticleDeploymentAndCombat_HaveTheJulyToAugustWindow()
    {
        var windowed = Seed.Value.Where(d => d.Pollable && d.Window is not null).ToList();

        Assert.Equal(2, windowed.Count);
        Assert.All(windowed, d => Assert.Equal(new TimeWindow(new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31)), d.Window));
        Assert.All(windowed, d => Assert.EndsWith("by 31 August 2026?", d.Question, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("the move could mark a significant escalation")]
    [InlineData("infusion of North Korean manpower and arms may provide a tactical advantage")]
    [InlineData("could exacerbate tensions")]
    [InlineData("is likely to scrutinize")]
    [InlineData("Diplomatic efforts")]
    [InlineData("could redefine its role")]
    [InlineData("may provide a temporary boost")]
    public void IsPollable_SeedArticleVagueDevelopment_False(string claimPart)
    {
        var development = Assert.Single(Seed.Value, d => d.Claim.Contains(claimPart, StringComparison.OrdinalIgnoreCase));

        Assert.False(development.Pollable);
    }

    [Fact]
    public void Extract_SameDevelopmentTwiceInOneArticle_MergedKeepingTheWindow()
    {
        var deployments = Seed.Value.Where(d => d.Question.StartsWith("Will North Korea deploy", StringComparison.Ordinal)).ToList();

        var deployment = Assert.Single(deployments);
        Assert.Equal("North Korea may deploy more troops to Russia", deployment.Claim);
        Assert.NotNull(deployment.Window);
    }

    [Fact]
    public void MergeNearIdentical_MoreTroopsAndTroops_One()
    {
        var korea = new Actor("kp", "North Korea", ActorKind.State);
        var russia = new Actor("ru", "Russia", ActorKind.State);
        ReportedDevelopment Make(string claim, string question) =>
            new(0, 10, claim, [korea, russia], ["may"], 0.4, [], null, question, new DateOnly(2027, 6, 1));

        var merged = DevelopmentExtractor.MergeNearIdentical([
            Make("North Korea may deploy more troops to Russia", "Will North Korea deploy more troops to Russia by 1 June 2027?"),
            Make("North Korea may deploy troops to Russia", "Will North Korea deploy troops to Russia by 1 June 2027?"),
            Make("North Korea may send weapons to Russia", "Will North Korea send weapons to Russia by 1 June 2027?"),
        ]);

        Assert.Equal(["North Korea may deploy more troops to Russia", "North Korea may send weapons to Russia"], merged.Select(d => d.Claim));
    }

    [Theory]
    [InlineData("Will North Korea’s role grow by 1 June 2027?")]
    [InlineData("Will the talks in Beijing deploy by 1 June 2027?")]
    [InlineData("North Korea deploys troops")]
    [InlineData("Will the move mark an escalation?")]
    public void IsPollable_NoActorSubjectOrNoQuestion_False(string question)
    {
        var development = new ReportedDevelopment(0, 1, "x", [new Actor("kp", "North Korea", ActorKind.State)], [], 0.4, [], null, question, new DateOnly(2027, 6, 1));

        Assert.False(development.Pollable);
    }

    [Fact]
    public void Analyze_CommaInsideOrganisationName_ClaimKeepsTheWholeName()
    {
        const string text = "The Ministry of Economy, Trade and Industry reportedly plans to add about 30 companies to its end-user list.";

        var development = Assert.Single(new DevelopmentExtractor(TestCatalog.Recognizer).Analyze(text, Published).Developments);

        Assert.StartsWith("Ministry of Economy, Trade and Industry plans", development.Claim, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_AbbreviationsInsideASentence_ClaimIsWhole()
    {
        const string text = "Gen. Kim said on Jan. 5 that North Korea may send troops to the U.S. base at No. 10 Harbour Road by March.";

        var development = Assert.Single(new DevelopmentExtractor(TestCatalog.Recognizer).Analyze(text, Published).Developments);

        Assert.Equal(0, development.Start);
        Assert.Equal(text.Length, development.End);
        Assert.EndsWith("base at No. 10 Harbour Road", development.Claim, StringComparison.Ordinal);
    }
}

