using BriefingBot.Analysis.Developments;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Analysis.Developments;

public sealed class DevelopmentExtractorTests
{
    private static readonly DateOnly June2026 = new(2026, 6, 1);

    private static IReadOnlyList<ReportedDevelopment> Extract(string body, DateOnly? published = null) =>
        new DevelopmentExtractor(new DictionaryActorRecognizer()).Analyze(body, published ?? June2026).Developments;

    [Theory]
    [InlineData(
        "Recent intelligence assessments suggest that North Korea may be considering the deployment of additional military personnel to Russia, with potential involvement in combat operations against Ukraine as early as July or August of this year.",
        "North Korea may deploy more troops to Russia")]
    [InlineData("Pyongyang is considering sending soldiers to Russia.", "North Korea may send troops to Russia")]
    [InlineData("Japan plans to tighten export controls on machine tools next month.", "Japan plans to tighten export controls on machine tools")]
    [InlineData(
        "The European Union is likely to adopt new sanctions against Moscow before the end of the year, diplomats said.",
        "The European Union is likely to adopt new sanctions against Russia")]
    [InlineData("TOKYO -- Japan is likely to tighten export controls, according to officials.", "Japan is likely to tighten export controls")]
    [InlineData(
        "South Korean intelligence reportedly indicates that North Korea is not only supplying weapons to Russia but may also be sending combat-ready units to bolster Moscow’s military efforts in Ukraine.",
        "North Korea is supplying weapons to Russia and may send combat-ready units to bolster Russia’s military efforts in Ukraine")]
    [InlineData("Diplomatic efforts may focus on pressuring Moscow.", "Diplomatic efforts may focus on pressuring Russia")]
    public void Extract_HedgedEventSentence_NormalisesClaim(string sentence, string claim)
    {
        var developments = Extract(sentence);

        Assert.NotEmpty(developments);
        Assert.Equal(claim, developments[0].Claim);
    }

    [Theory]
    [InlineData("The alleged deployment would represent a dramatic shift in Pyongyang’s foreign policy.")]
    [InlineData("North Korea’s potential involvement in Ukraine could have far-reaching consequences.")]
    [InlineData("Russia sent troops to the border on Monday.")]
    [InlineData("Officials may announce the figures next week.")]
    [InlineData("If confirmed, it would mark the first time that North Korea has fought abroad.")]
    [InlineData("North Korea may not send troops to Russia.")]
    public void Extract_NoPossibleEventWithActor_ReturnsNothing(string sentence) => Assert.Empty(Extract(sentence));

    [Fact]
    public void Extract_HedgedNounBesideActorClaim_AddsSecondClaimForTheSameSentence()
    {
        const string body = "Pyongyang could send engineers to Russia, with possible deployment of artillery units to Kursk by the end of the year.";

        var developments = Extract(body);

        Assert.Equal(
            ["North Korea could send engineers to Russia", "North Korea may deploy artillery units to Kursk"],
            developments.Select(d => d.Claim));
        Assert.All(developments, d => Assert.Equal((0, body.Length), (d.Start, d.End)));
        Assert.Equal(new DateOnly(2026, 12, 31), developments[1].ResolveBy);
    }

    [Fact]
    public void Extract_HedgedNounBesideNonActorSubject_AddsNothing()
    {
        const string body = "The move could anger Moscow, with potential involvement in talks.";

        Assert.Equal(["The move could anger Russia"], Extract(body).Select(d => d.Claim));
    }

    [Fact]
    public void Extract_DatelinedSentence_TakesWindowAfterModalNotDateline()
    {
        const string body = "SEOUL, Nov 12 (Reuters) - North Korea may send more troops to Russia as early as January, lawmakers were told.";

        var development = Assert.Single(Extract(body, new DateOnly(2026, 11, 12)));

        Assert.Equal("North Korea may send more troops to Russia", development.Claim);
        Assert.Equal(new TimeWindow(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), development.Window);
        Assert.Equal(new DateOnly(2027, 1, 31), development.ResolveBy);
    }

    [Fact]
    public void Extract_SeveralSentences_SpansWholeSentenceWithCuesAndStrength()
    {
        const string body = "Troops arrived on Monday.\n\nAccording to Reuters, Pyongyang could send more units to Russia. Officials confirmed the count.";

        var development = Assert.Single(Extract(body));

        Assert.Equal("According to Reuters, Pyongyang could send more units to Russia.", body[development.Start..development.End]);
        Assert.Equal(["could"], development.Cues);
        Assert.Equal(0.40, development.Strength, 2);
        Assert.Equal(["North Korea", "Russia"], development.Actors.Select(a => a.Name));
        Assert.Equal(["according to Reuters"], development.Attribution.Select(a => a.Text));
    }

    [Fact]
    public void Analyze_WithoutRecognizer_FindsHedgesButNoDevelopments()
    {
        const string body = "North Korea may send more troops to Russia. Talks ended.";

        var analysis = new DevelopmentExtractor().Analyze(body, June2026);

        Assert.Single(analysis.Hedges);
        Assert.Empty(analysis.Mentions);
        Assert.Empty(analysis.Developments);
    }
}
