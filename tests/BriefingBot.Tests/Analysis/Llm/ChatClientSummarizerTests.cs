using BriefingBot.Analysis;
using BriefingBot.Analysis.Llm;
using BriefingBot.Tests.TestDoubles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Analysis.Llm;

public sealed class ChatClientSummarizerTests
{
    private const string Title = "Troops for Russia";

    private const string Text =
        "North Korea may send more troops to Russia as early as July, South Korean officials said. " +
        "The deployment would add to about 11,000 soldiers already sent last year. " +
        "Pyongyang has also supplied artillery shells and missiles, according to Seoul. " +
        "Moscow and Pyongyang deny any transfer of weapons. Markets in Seoul were calm on Monday.";

    private readonly FakeTimeProvider time = new();
    private readonly ListLogger<ChatClientSummarizer> logger = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SummarizeAsync_ModelAnswers_ReturnsItsSentencesUpToTheLimit()
    {
        var client = FakeChatClient.Answering("North Korea may send more troops to Russia. It has sent shells. Seoul is calm. Extra.");

        var summary = await Summarizer(client).SummarizeAsync(Title, Text, 3, Ct);

        Assert.Equal(["North Korea may send more troops to Russia.", "It has sent shells.", "Seoul is calm."], summary.Sentences.Select(s => s.Text));
        var request = Assert.Single(client.Requests);
        Assert.Contains("at most 3", request[0].Text, StringComparison.Ordinal);
        Assert.Equal(ChatRole.User, request[1].Role);
        Assert.Contains(Title, request[1].Text, StringComparison.Ordinal);
        Assert.Contains("11,000 soldiers", request[1].Text, StringComparison.Ordinal);
        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task SummarizeAsync_ModelTooSlow_FallsBackToTheExtractiveSummaryWithAWarning()
    {
        var pending = Summarizer(FakeChatClient.Hanging(), timeoutSeconds: 5).SummarizeAsync(Title, Text, 2, Ct);
        Assert.False(pending.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5));
        var summary = await pending.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(ExtractiveSummarizer.Summarize(Title, Text, 2).Text, summary.Text);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("within 5 s", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummarizeAsync_ModelFails_FallsBackToTheExtractiveSummaryWithAWarning()
    {
        var summary = await Summarizer(FakeChatClient.Throwing(new HttpRequestException("connection refused"))).SummarizeAsync(Title, Text, 2, Ct);

        Assert.Equal(ExtractiveSummarizer.Summarize(Title, Text, 2).Text, summary.Text);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.IsType<HttpRequestException>(warning.Exception);
    }

    [Fact]
    public async Task SummarizeAsync_ModelAnswersNothing_FallsBackToTheExtractiveSummary()
    {
        var summary = await Summarizer(FakeChatClient.Answering("  ")).SummarizeAsync(Title, Text, 2, Ct);

        Assert.Equal(ExtractiveSummarizer.Summarize(Title, Text, 2).Text, summary.Text);
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Entries).Level);
    }

    [Fact]
    public async Task SummarizeAsync_CallerCancels_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var pending = Summarizer(FakeChatClient.Hanging()).SummarizeAsync(Title, Text, 2, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Empty(logger.Entries);
    }

    private ChatClientSummarizer Summarizer(IChatClient client, int timeoutSeconds = 20) =>
        new(client, new ExtractiveSummarizer(),
            Options.Create(new SummarizerOptions { Provider = SummarizerProvider.OpenAI, TimeoutSeconds = timeoutSeconds }), time, logger);
}
