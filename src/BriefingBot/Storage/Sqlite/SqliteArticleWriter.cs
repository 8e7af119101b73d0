using BriefingBot.Articles;
using BriefingBot.Articles.Stories;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

/// <summary>The dedupe-and-insert steps as commands prepared once on the writer connection and reused.</summary>
internal sealed class SqliteArticleWriter : IDisposable
{
    private readonly SqliteCommand findDuplicate;
    private readonly SqliteCommand findBandCandidates;
    private readonly SqliteCommand insertArticle;
    private readonly SqliteCommand insertBands;
    private readonly List<BandCandidate> candidates = [];

    public SqliteArticleWriter(SqliteConnection connection, StoriesOptions? stories = null)
    {
        Connection = connection;
        Stories = new SqliteStoryWriter(connection, stories ?? new StoriesOptions());
        findDuplicate = Prepare(connection, """
            SELECT id, story_id FROM articles WHERE canonical_url = $url
            UNION ALL
            SELECT id, story_id FROM articles WHERE content_hash = $hash
            LIMIT 1
            """, "$url", "$hash");
        var keyNames = Enumerable.Range(0, ArticleFingerprint.BandCount).Select(i => "$k" + i).ToArray();
        findBandCandidates = Prepare(connection, $"""
            SELECT id, story_id, minhash FROM articles
            WHERE id IN (SELECT article_id FROM article_bands WHERE band_key IN ({string.Join(", ", keyNames)}))
            """, keyNames);
        insertBands = Prepare(connection,
            $"INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES {string.Join(", ", keyNames.Select(k => $"({k}, $article)"))}",
            [.. keyNames, "$article"]);
        insertArticle = Prepare(connection, """
            INSERT INTO articles (story_id, url, canonical_url, title, source, author, published_at, fetched_at, language, text,
                                  content_hash, minhash, stored_at)
            VALUES ($story, $url, $canonical, $title, $source, $author, $published, $fetched, $language, $text, $hash, $minhash, $stored)
            RETURNING id
            """, "$story", "$url", "$canonical", "$title", "$source", "$author", "$published", "$fetched", "$language", "$text",
            "$hash", "$minhash", "$stored");
    }

    public SqliteConnection Connection { get; }

    public SqliteStoryWriter Stories { get; }

    public AddResult Add(NewArticle article, SqliteTransaction transaction, DateTimeOffset now, TermStatistics statistics)
    {
        findDuplicate.Transaction = transaction;
        findDuplicate.Parameters[0].Value = article.CanonicalUrl;
        findDuplicate.Parameters[1].Value = article.ContentHash;
        using (var reader = findDuplicate.ExecuteReader())
        {
            if (reader.Read())
            {
                return new AddResult(AddOutcome.Duplicate, reader.GetInt64(0), reader.GetInt64(1));
            }
        }

        var bandKeys = ArticleFingerprint.BandKeys(article.MinHash);
        // The near-duplicate check stays the fast first step; otherwise the story is chosen by similarity.
        var copyOf = FindNearDuplicateStory(bandKeys, article.MinHash, transaction);
        var terms = article.StoryTerms ?? StoryTerms.From(article.Title, article.Text);
        var (storyId, started) = Stories.Assign(article, terms, copyOf, statistics, transaction, now);
        var outcome = started ? AddOutcome.Added : AddOutcome.AddedToStory;

        insertArticle.Transaction = transaction;
        var p = insertArticle.Parameters;
        p[0].Value = storyId;
        p[1].Value = article.Url;
        p[2].Value = article.CanonicalUrl;
        p[3].Value = article.Title;
        p[4].Value = article.Source;
        p[5].Value = (object?)article.Author ?? DBNull.Value;
        p[6].Value = SqliteTime.ToDb(article.PublishedAt);
        p[7].Value = SqliteTime.ToMicroseconds(article.FetchedAt);
        p[8].Value = article.Language;
        p[9].Value = article.Text;
        p[10].Value = article.ContentHash;
        p[11].Value = ArticleFingerprint.ToBytes(article.MinHash);
        p[12].Value = SqliteTime.ToMicroseconds(now);
        var id = (long)insertArticle.ExecuteScalar()!;
        insertBands.Transaction = transaction;
        for (var i = 0; i < bandKeys.Length; i++)
        {
            insertBands.Parameters[i].Value = bandKeys[i];
        }

        insertBands.Parameters[bandKeys.Length].Value = id;
        insertBands.ExecuteNonQuery();

        return new AddResult(outcome, id, storyId);
    }

    public void Dispose()
    {
        findDuplicate.Dispose();
        findBandCandidates.Dispose();
        insertArticle.Dispose();
        Stories.Dispose();
        insertBands.Dispose();
    }

    private long? FindNearDuplicateStory(long[] bandKeys, uint[] minHash, SqliteTransaction transaction)
    {
        findBandCandidates.Transaction = transaction;
        for (var i = 0; i < bandKeys.Length; i++)
        {
            findBandCandidates.Parameters[i].Value = bandKeys[i];
        }

        candidates.Clear();
        using (var reader = findBandCandidates.ExecuteReader())
        {
            while (reader.Read())
            {
                candidates.Add(new BandCandidate(reader.GetInt64(0), reader.GetInt64(1), ArticleFingerprint.FromBytes((byte[])reader.GetValue(2))));
            }
        }

        return NearDuplicate.StoryOf(candidates, minHash);
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
