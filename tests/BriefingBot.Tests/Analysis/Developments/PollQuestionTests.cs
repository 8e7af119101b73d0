using BriefingBot.Analysis.Developments;
using BriefingBot.Tests.TestDoubles;

namespace BriefingBot.Tests.Analysis.Developments;

public sealed class PollQuestionTests
{
    private static ReportedDevelopment Single(string sentence) =>
        Assert.Single(new DevelopmentExtractor(new DictionaryActorRecognizer()).Analyze(sentence, new DateOnly(2026, 6, 1)).Developments);

    [Theory]
    [InlineData("North Korea may deploy more troops to Russia as early as July or August of this year.", "Will North Korea deploy more troops to Russia by 31 August 2026?")]
    [InlineData("Pyongyang plans to send engineers to Moscow next month.", "Will North Korea send engineers to Russia by 31 July 2026?")]
    [InlineData("The move could mark an escalation in Pyongyang’s ties with Moscow by the end of the year.", "Will the move mark an escalation in North Korea’s ties with Russia by 31 December 2026?")]
    [InlineData("The European Union is expected to sanction Moscow in 2027.", "Will the European Union sanction Russia by 31 December 2027?")]
    public void Ask_HedgedClaim_AsksYesNoByEndOfWindow(string sentence, string question) =>
        Assert.Equal(question, Single(sentence).Question);

    [Fact]
    public void Ask_NoTimeStated_ResolvesAfterDefaultHorizon()
    {
        var development = Single("Russia might field North Korean missiles.");

        Assert.Null(development.Window);
        Assert.Equal(new DateOnly(2026, 6, 1).AddMonths(DevelopmentExtractor.DefaultHorizonMonths), development.ResolveBy);
        Assert.Equal("Will Russia field North Korean missiles by 1 December 2026?", development.Question);
    }
}
