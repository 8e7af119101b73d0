using System.Globalization;
using BriefingBot.Articles;
using BriefingBot.Articles.Stories;
using BriefingBot.Storage.Migrations;
using Npgsql;

namespace BriefingBot.Storage.Postgres;

/// <summary>The story side of an add in PostgreSQL (see <see cref="Sqlite.SqliteStoryWriter"/>), inside the caller's transaction.</summary>
internal static class PostgresStoryWriter
{
    public static async Task<TermStatistics> LoadStatisticsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var frequencies = new Dictionary<long, int>();
        await using (var command = new NpgsqlCommand("SELECT term, articles FROM story_term_counts", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                frequencies[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        await using var documents = new NpgsqlCommand("SELECT value FROM meta WHERE key = $1", connection, transaction);
        documents.Parameters.AddWithValue(StoryMigrations.DocumentsKey);
        var count = await documents.ExecuteScalarAsync(cancellationToken) is string text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        return new TermStatistics(frequencies, count);
    }

    public static async Task<(long StoryId, bool Started)> AssignAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NewArticle article, StoryTerms terms, long? nearDuplicateStory,
        TermStatistics statistics, StoriesOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        statistics.Count(terms);
        var day = StoryMatcher.Day(article.PublishedAt ?? article.FetchedAt);
        var indexTerms = StoryMatcher.IndexTerms(terms, statistics, options.IndexTerms);
        long storyId;
        StoryVector vector;
        var started = false;
        if (nearDuplicateStory is { } copyOf)
        {
            storyId = copyOf;
            await using var read = new NpgsqlCommand("SELECT vector FROM stories WHERE id = $1", connection, transaction);
            read.Parameters.AddWithValue(storyId);
            vector = await read.ExecuteScalarAsync(cancellationToken) is byte[] bytes ? StoryVector.FromBytes(bytes) : StoryVector.Empty();
        }
        else
        {
            var candidates = await FindCandidatesAsync(connection, transaction, indexTerms, day, options, cancellationToken);
            var decision = StoryMatcher.Choose(terms, candidates, statistics, options);
            if (decision.StoryId is { } chosen)
            {
                storyId = chosen;
                vector = candidates.First(c => c.StoryId == chosen).Vector;
                foreach (var merged in decision.Merged)
                {
                    vector.Add(candidates.First(c => c.StoryId == merged).Vector, statistics);
                    await MergeAsync(connection, transaction, merged, storyId, now, cancellationToken);
                }
            }
            else
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO stories (title, created_at, vector) VALUES ($1, $2, $3) RETURNING id", connection, transaction);
                insert.Parameters.AddWithValue(article.Title);
                insert.Parameters.AddWithValue(now.ToUniversalTime());
                insert.Parameters.AddWithValue(Array.Empty<byte>());
                storyId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                vector = StoryVector.Empty();
                started = true;
            }
        }

        vector.Add(terms, statistics);
        await using (var update = new NpgsqlCommand("UPDATE stories SET vector = $1 WHERE id = $2", connection, transaction))
        {
            update.Parameters.AddWithValue(vector.ToBytes());
            update.Parameters.AddWithValue(storyId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (indexTerms.Length > 0)
        {
            await using var index = new NpgsqlCommand(
                "INSERT INTO story_index (term, day, story_id) SELECT DISTINCT unnest($1::bigint[]), $2, $3 ON CONFLICT DO NOTHING",
                connection, transaction);
            index.Parameters.AddWithValue(indexTerms);
            index.Parameters.AddWithValue(day);
            index.Parameters.AddWithValue(storyId);
            await index.ExecuteNonQueryAsync(cancellationToken);
        }

        return (storyId, started);
    }

    public static async Task SaveStatisticsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, TermStatistics statistics, CancellationToken cancellationToken)
    {
        var changes = statistics.TakeChanges();
        if (changes.Count > 0)
        {
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO story_term_counts (term, articles) SELECT * FROM unnest($1::bigint[], $2::integer[])
                ON CONFLICT (term) DO UPDATE SET articles = story_term_counts.articles + excluded.articles
                """, connection, transaction);
            upsert.Parameters.AddWithValue(changes.Select(c => c.Key).ToArray());
            upsert.Parameters.AddWithValue(changes.Select(c => c.Value).ToArray());
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var documents = new NpgsqlCommand(
            "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", connection, transaction);
        documents.Parameters.AddWithValue(StoryMigrations.DocumentsKey);
        documents.Parameters.AddWithValue(statistics.Documents.ToString(CultureInfo.InvariantCulture));
        await documents.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<StoryCandidate>> FindCandidatesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long[] indexTerms, int day, StoriesOptions options, CancellationToken cancellationToken)
    {
        var candidates = new List<StoryCandidate>();
        if (indexTerms.Length == 0)
        {
            return candidates;
        }

        await using var command = new NpgsqlCommand("""
            SELECT s.id, s.vector FROM (
                SELECT story_id, count(DISTINCT term) AS hits FROM story_index
                WHERE term = ANY($1) AND day BETWEEN $2 AND $3
                GROUP BY story_id ORDER BY hits DESC, story_id LIMIT $4
            ) AS c JOIN stories AS s ON s.id = c.story_id
            WHERE s.vector IS NOT NULL AND s.merged_into IS NULL
            """, connection, transaction);
        command.Parameters.AddWithValue(indexTerms);
        command.Parameters.AddWithValue(day - options.WindowDays);
        command.Parameters.AddWithValue(day + options.WindowDays);
        command.Parameters.AddWithValue(options.Candidates);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new StoryCandidate(reader.GetInt64(0), StoryVector.FromBytes((byte[])reader.GetValue(1))));
        }

        return candidates;
    }

    private static async Task MergeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long merged, long into, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("UPDATE articles SET story_id = $1 WHERE story_id = $2", into, merged),
                Command("INSERT INTO story_index (term, day, story_id) SELECT term, day, $1 FROM story_index WHERE story_id = $2 ON CONFLICT DO NOTHING", into, merged),
                Command("DELETE FROM story_index WHERE story_id = $1", merged),
                Command("UPDATE stories SET merged_into = $1, vector = NULL WHERE id = $2 OR merged_into = $2", into, merged),
                Command("INSERT INTO story_merges (merged_id, into_id, merged_at) VALUES ($1, $2, $3) ON CONFLICT (merged_id) DO UPDATE SET into_id = excluded.into_id", merged, into, now.ToUniversalTime()),
                Command("UPDATE story_merges SET into_id = $1 WHERE into_id = $2", into, merged),
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
