using BriefingBot.Digests;
using BriefingBot.Storage.Sql;

namespace BriefingBot.Storage;

/// <summary>The digest's bulk reads: one SQL text for SQLite and PostgreSQL.</summary>
public sealed class DigestSource(ISqlDatabase database) : IDigestSource
{
    public async Task<IReadOnlyList<DigestArticle>> ListStoriesStoredSinceAsync(DateTimeOffset since, string? keyword, CancellationToken cancellationToken)
    {
        var like = database.Dialect.Like;
        var rows = await database.QueryAsync<ArticleRow>($"""
            SELECT a.id, a.story_id, a.title, a.source, a.url, a.published_at, a.stored_at, a.stored_at > @since AS is_new
            FROM articles a
            WHERE a.story_id IN (
                SELECT story_id FROM articles
                WHERE stored_at > @since
                  AND (@pattern IS NULL OR title {like} @pattern ESCAPE '\' OR text {like} @pattern ESCAPE '\'))
            ORDER BY a.story_id, a.id
            """, new { since, pattern = string.IsNullOrWhiteSpace(keyword) ? null : LikePattern.Contains(keyword.Trim()) }, cancellationToken);
        return [.. rows.Select(r => new DigestArticle(r.Id, r.StoryId, r.Title, r.Source, r.Url, r.PublishedAt, r.StoredAt, r.IsNew))];
    }

    public async Task<IReadOnlyList<ArticleActorCount>> CountActorMentionsAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return [];
        }

        var rows = await database.QueryAsync<MentionRow>($"""
            SELECT m.article_id, m.actor_id, max(coalesce(m.actor_name, m.actor_id)) AS actor_name, count(*) AS mentions
            FROM mentions m
            WHERE m.article_id {database.Dialect.InList("@ids")} AND m.actor_id IS NOT NULL
            GROUP BY m.article_id, m.actor_id
            """, new { ids = database.Dialect.Longs(articleIds) }, cancellationToken);
        return [.. rows.Select(r => new ArticleActorCount(r.ArticleId, r.ActorId, r.ActorName, r.Mentions))];
    }

    private sealed class ArticleRow
    {
        public long Id { get; set; }
        public long StoryId { get; set; }
        public string Title { get; set; } = "";
        public string Source { get; set; } = "";
        public string Url { get; set; } = "";
        public DateTimeOffset? PublishedAt { get; set; }
        public DateTimeOffset StoredAt { get; set; }
        public bool IsNew { get; set; }
    }

    private sealed class MentionRow
    {
        public long ArticleId { get; set; }
        public string ActorId { get; set; } = "";
        public string ActorName { get; set; } = "";
        public int Mentions { get; set; }
    }
}
