using BriefingBot.Analysis;
using Microsoft.Extensions.DependencyInjection;

namespace BriefingBot.Tests.Analysis;

public sealed class ExtractiveSummarizerTests
{
    private const string Story =
        "By . Daily Mail Reporter . PUBLISHED: 12:01 EST, 3 April 2015 . " +
        "North Korea may send more troops to Russia as early as July, South Korean intelligence officials said on Tuesday. " +
        "The troops would take part in combat against Ukraine, according to the officials. " +
        "North Korea has already supplied artillery shells and missiles to Russia for its war in Ukraine. " +
        "'We are watching closely,' I was told by one diplomat. " +
        "Click here for more news. " +
        "The weather in Seoul was mild.";

    private readonly ExtractiveSummarizer summarizer = new();

    [Fact]
    public async Task SummarizeAsync_NewsStory_ReturnsSentencesInDocumentOrderWithOffsets()
    {
        var summary = await summarizer.SummarizeAsync("North Korea may send more troops to Russia", Story, 3, TestContext.Current.CancellationToken);

        Assert.Equal(3, summary.Sentences.Count);
        Assert.Equal(summary.Sentences.OrderBy(s => s.Start), summary.Sentences);
        Assert.All(summary.Sentences, s => Assert.Equal(s.Text, Story.Substring(s.Start, s.Length)));
        Assert.StartsWith("North Korea may send more troops", summary.Sentences[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_BylineTimestampAndCallToAction_AreNeverChosen()
    {
        var summary = await summarizer.SummarizeAsync("", Story, 6, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(summary.Sentences, s => s.Text.Contains("Daily Mail Reporter", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Sentences, s => s.Text.Contains("PUBLISHED", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Sentences, s => s.Text.Contains("Click here", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SummarizeAsync_RepeatedSentence_IsChosenOnce()
    {
        const string text = "Russia and North Korea signed a defence pact in Pyongyang. " +
            "Russia and North Korea signed a defence pact in Pyongyang. " +
            "The pact commits each side to help the other if attacked. " +
            "Analysts said the deal deepens military ties between the two countries.";

        var summary = await summarizer.SummarizeAsync("", text, 2, TestContext.Current.CancellationToken);

        Assert.Equal(2, summary.Sentences.Count);
        Assert.NotEqual(summary.Sentences[0].Text, summary.Sentences[1].Text);
    }

    [Theory]
    [InlineData("", 3, 0)]
    [InlineData("Only one sentence here, and it is long enough to count.", 3, 1)]
    [InlineData("One sentence here that is long enough. Another sentence that is also long enough.", 0, 0)]
    public async Task SummarizeAsync_ShortTextOrNoSentencesAsked_ReturnsWhatThereIs(string text, int asked, int expected)
    {
        var summary = await summarizer.SummarizeAsync("", text, asked, TestContext.Current.CancellationToken);

        Assert.Equal(expected, summary.Sentences.Count);
    }

    [Fact]
    public async Task SummarizeAsync_Cancelled_Throws() =>
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => summarizer.SummarizeAsync("", Story, 3, new CancellationToken(canceled: true)));

    [Fact]
    public async Task SummarizeSetAsync_SameFactFromTwoSources_TellsItOnce()
    {
        SetDocument[] documents =
        [
            new(1, "North Korea to send troops", "North Korea plans to send more troops to Russia by August, Seoul's spy agency said on Tuesday. The troops could join combat against Ukraine."),
            new(2, "Pyongyang may deploy more soldiers", "North Korea plans to send more troops to Russia by August, South Korea's spy agency said on Tuesday. Japan condemned the arms transfers to Moscow."),
        ];

        var summary = await summarizer.SummarizeSetAsync(documents, 3, TestContext.Current.CancellationToken);

        Assert.Single(summary.Sentences, s => s.Sentence.Text.StartsWith("North Korea plans", StringComparison.Ordinal));
        Assert.Contains(summary.Sentences, s => s.DocumentId == 2 && s.Sentence.Text.StartsWith("Japan", StringComparison.Ordinal));
        Assert.All(summary.Sentences, s =>
        {
            var text = documents.Single(d => d.Id == s.DocumentId).Text;
            Assert.Equal(s.Sentence.Text, text.Substring(s.Sentence.Start, s.Sentence.Length));
        });
    }

    [Fact]
    public async Task SummarizeSetAsync_FewSentences_NeverPadsWithBoilerplate()
    {
        SetDocument[] documents =
        [
            new(7, "", "Japan condemned the arms transfers from North Korea to Moscow on Friday. Click here for the latest news and videos."),
        ];

        var summary = await summarizer.SummarizeSetAsync(documents, 3, TestContext.Current.CancellationToken);

        var only = Assert.Single(summary.Sentences);
        Assert.StartsWith("Japan condemned", only.Sentence.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAnalysis_Services_ResolveTheExtractiveSummarizer()
    {
        using var provider = new ServiceCollection().AddAnalysis().BuildServiceProvider();

        Assert.IsType<ExtractiveSummarizer>(provider.GetRequiredService<ISummarizer>());
    }
}
