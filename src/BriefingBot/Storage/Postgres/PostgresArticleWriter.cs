using BriefingBot.Articles;
using BriefingBot.Articles.Stories;
using Npgsql;
using NpgsqlTypes;

namespace BriefingBot.Storage.Postgres;

/// <summary>The dedupe-and-insert steps for one article, inside the caller's transaction.</summary>
internal static class PostgresArticleWriter
{
    /// <summary>Transaction advisory lock key for ingestion ("BBingest" as bytes): near-duplicate lookups see every earlier add.</summary>
    public const long IngestLockKey = 0x4242_696E_6765_7374;

    public static async Task LockIngestionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
        command.Parameters.AddWithValue(IngestLockKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<AddResult> AddAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewArticle article, DateTimeOffset now, TermStatistics statistics,
        StoriesOptions options, CancellationToken cancellationToken)
    {
        if (await FindDuplicateAsync(connection, transaction, article, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        var bandKeys = ArticleFingerprint.BandKeys(article.MinHash);
        // The near-duplicate check stays the fast first step; otherwise the story is chosen by similarity.
        var copyOf = await FindNearDuplicateStoryAsync(connection, transaction, bandKeys, article.MinHash, cancellationToken);
        var terms = article.StoryTerms ?? StoryTerms.From(article.Title, article.Text);
        var (storyId, newStory) = await PostgresStoryWriter.AssignAsync(
            connection, transaction, article, terms, copyOf, statistics, options, now, cancellationToken);
        var outcome = newStory ? AddOutcome.Added : AddOutcome.AddedToStory;

        await using var insert = new NpgsqlCommand("""
            INSERT INTO articles (story_id, url, canonical_url, title, source, author, published_at, fetched_at, language, text,
                                  content_hash, minhash, stored_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT DO NOTHING
            RETURNING id
            """, connection, transaction);
        var p = insert.Parameters;
        p.AddWithValue(storyId);
        p.AddWithValue(article.Url);
        p.AddWithValue(article.CanonicalUrl);
        p.AddWithValue(article.Title);
        p.AddWithValue(article.Source);
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)article.Author ?? DBNull.Value });
        p.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)article.PublishedAt?.ToUniversalTime() ?? DBNull.Value });
        p.AddWithValue(article.FetchedAt.ToUniversalTime());
        p.AddWithValue(article.Language);
        p.AddWithValue(article.Text);
        p.AddWithValue(article.ContentHash);
        p.AddWithValue(ArticleFingerprint.ToBytes(article.MinHash));
        p.AddWithValue(now.ToUniversalTime());

        if (await insert.ExecuteScalarAsync(cancellationToken) is long id)
        {
            await using var bands = new NpgsqlCommand(
                "INSERT INTO article_bands (band_key, article_id) SELECT DISTINCT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING",
                connection, transaction);
            bands.Parameters.AddWithValue(bandKeys);
            bands.Parameters.AddWithValue(id);
            await bands.ExecuteNonQueryAsync(cancellationToken);
            return new AddResult(outcome, id, storyId);
        }

        // A writer outside the ingestion lock stored the same article first: undo our story and report theirs.
        if (newStory)
        {
            await using var delete = new NpgsqlCommand("DELETE FROM stories WHERE id = $1", connection, transaction);
            delete.Parameters.AddWithValue(storyId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        return await FindDuplicateAsync(connection, transaction, article, cancellationToken)
            ?? throw new InvalidOperationException("The article conflicted with a stored one that cannot be found.");
    }

    private static async Task<AddResult?> FindDuplicateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewArticle article, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, story_id FROM articles WHERE canonical_url = $1
            UNION ALL
            SELECT id, story_id FROM articles WHERE content_hash = $2
            LIMIT 1
            """, connection, transaction);
        command.Parameters.AddWithValue(article.CanonicalUrl);
        command.Parameters.AddWithValue(article.ContentHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new AddResult(AddOutcome.Duplicate, reader.GetInt64(0), reader.GetInt64(1))
            : null;
    }

    private static async Task<long?> FindNearDuplicateStoryAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] bandKeys, uint[] minHash, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, story_id, minhash FROM articles
            WHERE id IN (SELECT article_id FROM article_bands WHERE band_key = ANY($1))
            """, connection, transaction);
        command.Parameters.AddWithValue(bandKeys);

        var candidates = new List<BandCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new BandCandidate(reader.GetInt64(0), reader.GetInt64(1), ArticleFingerprint.FromBytes((byte[])reader.GetValue(2))));
        }

        return NearDuplicate.StoryOf(candidates, minHash);
    }
}
