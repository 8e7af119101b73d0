namespace BriefingBot.Analysis;

/// <summary>Summarises one article. The extractive summariser is the default; an LLM one may stand in.</summary>
public interface ISummarizer
{
    /// <summary>Picks or writes up to <paramref name="sentences"/> sentences that summarise <paramref name="text"/>.</summary>
    Task<Summary> SummarizeAsync(string title, string text, int sentences, CancellationToken cancellationToken);

    /// <summary>
    /// Summarises several texts of one story (or section) together in up to <paramref name="sentences"/> sentences,
    /// most salient first, without telling a fact twice.
    /// </summary>
    Task<SetSummary> SummarizeSetAsync(IReadOnlyList<SetDocument> documents, int sentences, CancellationToken cancellationToken);
}
