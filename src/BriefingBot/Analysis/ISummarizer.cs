namespace BriefingBot.Analysis;

/// <summary>Summarises one article. The extractive summariser is the default; an LLM one may stand in.</summary>
public interface ISummarizer
{
    /// <summary>Picks or writes up to <paramref name="sentences"/> sentences that summarise <paramref name="text"/>.</summary>
    Task<Summary> SummarizeAsync(string title, string text, int sentences, CancellationToken cancellationToken);
}
