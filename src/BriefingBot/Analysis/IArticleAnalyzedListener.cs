using BriefingBot.Analysis.Developments;

namespace BriefingBot.Analysis;

/// <summary>
/// Told by the <see cref="AnalysisWorker"/> after an article's analysis is stored, so features can react (polls post
/// "new reporting" notes) without Analysis depending on them. Register with <c>AddSingleton&lt;IArticleAnalyzedListener, T&gt;()</c>.
/// </summary>
public interface IArticleAnalyzedListener
{
    Task ArticleAnalyzedAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken);
}
