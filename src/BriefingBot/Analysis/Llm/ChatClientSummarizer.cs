using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace BriefingBot.Analysis.Llm;

/// <summary>
/// Asks a chat model for the summary of one article. A reply that is late (Summarizer:TimeoutSeconds), empty or an
/// error falls back to the extractive summary, with a warning; the caller's own cancellation still cancels.
/// </summary>
public sealed partial class ChatClientSummarizer(
    IChatClient client, ExtractiveSummarizer fallback, IOptions<SummarizerOptions> options, TimeProvider timeProvider, ILogger<ChatClientSummarizer> logger)
    : ISummarizer
{
    /// <summary>Longer bodies are cut: the opening of a news article carries its substance, and prompts cost.</summary>
    public const int MaxPromptCharacters = 12_000;

    public async Task<Summary> SummarizeAsync(string title, string text, int sentences, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var response = await client.GetResponseAsync(Prompt(title, text, sentences), new ChatOptions { Temperature = 0 }, linked.Token);
            var summary = SentenceSplitter.Split(response.Text.Trim()).Take(sentences).ToList();
            if (summary.Count > 0)
            {
                return new Summary(summary);
            }

            LogEmptyReply(logger);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, options.Value.TimeoutSeconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }

        return await fallback.SummarizeAsync(title, text, sentences, cancellationToken);
    }

    /// <summary>A story told by several sources: the extractive set summary (redundancy removed), not the model.</summary>
    public Task<SetSummary> SummarizeSetAsync(IReadOnlyList<SetDocument> documents, int sentences, CancellationToken cancellationToken) =>
        fallback.SummarizeSetAsync(documents, sentences, cancellationToken);

    private static List<ChatMessage> Prompt(string title, string text, int sentences)
    {
        var body = text.Length > MaxPromptCharacters ? text[..MaxPromptCharacters] : text;
        return
        [
            new(ChatRole.System,
                $"You summarise news articles in at most {sentences} plain sentences. Use only facts stated in the article, " +
                "keep who said what and how sure they were, and answer with the summary alone: no heading, no list."),
            new(ChatRole.User, $"{title}\n\n{body}"),
        ];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The summary model did not answer within {Seconds} s; using the extractive summary")]
    private static partial void LogTimedOut(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The summary model failed; using the extractive summary")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The summary model answered with no text; using the extractive summary")]
    private static partial void LogEmptyReply(ILogger logger);
}
