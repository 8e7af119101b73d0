using BriefingBot.Analysis.Developments;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles;

/// <summary>
/// Workspace scoping over <see cref="IArticleStore"/>: a chat workspace sees the shared articles (operator files and
/// feeds) and those it added; the operator (shell, command line) sees everything. Results are filtered with
/// <see cref="IArticleStore.VisibleToAsync"/>, reading further when private articles of other workspaces were dropped.
/// </summary>
public static class ArticleVisibility
{
    private const int Overfetch = 4;

    /// <summary>The owner of what this context adds and the scope of what it reads: null for the operator, else the workspace.</summary>
    public static string? TenantOf(CommandContext context) => context.IsOperator ? null : context.Tenant;

    public static async Task<IReadOnlyList<ArticleSearchHit>> SearchAsync(
        this IArticleStore store, string query, int limit, string? tenant, CancellationToken cancellationToken)
    {
        if (tenant is null)
        {
            return await store.SearchAsync(query, limit, cancellationToken);
        }

        var hits = await store.SearchAsync(query, limit * Overfetch, cancellationToken);
        var visible = await store.VisibleToAsync([.. hits.Select(h => h.Id)], tenant, cancellationToken);
        return [.. hits.Where(h => visible.Contains(h.Id)).Take(limit)];
    }

    public static async Task<IReadOnlyList<ArticleSummary>> ListAsync(
        this IArticleStore store, int limit, int offset, string? tenant, CancellationToken cancellationToken)
    {
        if (tenant is null)
        {
            return await store.ListAsync(limit, offset, cancellationToken);
        }

        var page = Math.Max(50, limit * Overfetch);
        var visible = new List<ArticleSummary>();
        for (var start = 0; visible.Count < offset + limit; start += page)
        {
            var batch = await store.ListAsync(page, start, cancellationToken);
            var allowed = await store.VisibleToAsync([.. batch.Select(a => a.Id)], tenant, cancellationToken);
            visible.AddRange(batch.Where(a => allowed.Contains(a.Id)));
            if (batch.Count < page)
            {
                break;
            }
        }

        return [.. visible.Skip(offset).Take(limit)];
    }

    public static Task<long> CountAsync(this IArticleStore store, string? tenant, CancellationToken cancellationToken) =>
        tenant is null ? store.CountAsync(cancellationToken) : store.CountVisibleToAsync(tenant, cancellationToken);

    public static async Task<Article?> GetAsync(this IArticleStore store, long id, string? tenant, CancellationToken cancellationToken)
    {
        var article = await store.GetAsync(id, cancellationToken);
        return article is null || tenant is null || (await store.VisibleToAsync([id], tenant, cancellationToken)).Contains(id) ? article : null;
    }

    public static async Task<IReadOnlyList<ArticleSummary>> ListStoryAsync(
        this IArticleStore store, long storyId, string? tenant, CancellationToken cancellationToken)
    {
        var story = await store.ListStoryAsync(storyId, cancellationToken);
        if (tenant is null)
        {
            return story;
        }

        var visible = await store.VisibleToAsync([.. story.Select(a => a.Id)], tenant, cancellationToken);
        return [.. story.Where(a => visible.Contains(a.Id))];
    }

    /// <summary>
    /// The developments reported by an article the tenant sees, each with those articles only (so its corroboration
    /// counts what the workspace can read); all of them for null.
    /// </summary>
    public static async Task<IReadOnlyList<StoredDevelopment>> VisibleAsync(
        this IArticleStore store, IReadOnlyList<StoredDevelopment> developments, string? tenant, CancellationToken cancellationToken)
    {
        if (tenant is null || developments.Count == 0)
        {
            return developments;
        }

        var visible = await store.VisibleToAsync([.. developments.SelectMany(d => d.ArticleIds).Distinct()], tenant, cancellationToken);
        return [.. developments
            .Select(d => d with { ArticleIds = [.. d.ArticleIds.Where(visible.Contains)] })
            .Where(d => d.ArticleIds.Count > 0)];
    }
}
