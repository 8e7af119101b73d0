using System.Globalization;
using BriefingBot.Articles;
using BriefingBot.Articles.Stories;
using BriefingBot.Storage.Migrations;
using Microsoft.Data.Sqlite;

namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// The story side of an add, on the writer connection: candidate stories from the inverted index in the article's
/// window, the join-or-start decision (<see cref="StoryMatcher"/>), merges, and the index, centroid and term counts.
/// </summary>
internal sealed class SqliteStoryWriter : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly StoriesOptions options;
    private readonly SqliteCommand findCandidates;
    private readonly SqliteCommand readVector;
    private readonly SqliteCommand insertStory;
    private readonly SqliteCommand updateVector;
    private readonly SqliteCommand insertIndex;
    private readonly SqliteCommand upsertCount;
    private readonly string[] termNames;

    public SqliteStoryWriter(SqliteConnection connection, StoriesOptions options)
    {
        this.connection = connection;
        this.options = options;
        termNames = [.. Enumerable.Range(0, options.IndexTerms).Select(i => "$t" + i.ToString(CultureInfo.InvariantCulture))];
        var terms = string.Join(", ", termNames);
        findCandidates = Prepare($"""
            SELECT s.id, s.vector FROM (
                SELECT story_id, count(DISTINCT term) AS hits FROM story_index
                WHERE term IN ({terms}) AND day BETWEEN $from AND $to
                GROUP BY story_id ORDER BY hits DESC, story_id LIMIT $limit
            ) AS c JOIN stories AS s ON s.id = c.story_id
            WHERE s.vector IS NOT NULL AND s.merged_into IS NULL
            """, [.. termNames, "$from", "$to", "$limit"]);
        readVector = Prepare("SELECT vector FROM stories WHERE id = $id", "$id");
        insertStory = Prepare("INSERT INTO stories (title, created_at, vector) VALUES ($title, $created, $vector) RETURNING id", "$title", "$created", "$vector");
        updateVector = Prepare("UPDATE stories SET vector = $vector WHERE id = $id", "$vector", "$id");
        insertIndex = Prepare(
            $"INSERT OR IGNORE INTO story_index (term, day, story_id) VALUES {string.Join(", ", termNames.Select(t => $"({t}, $day, $story)"))}",
            [.. termNames, "$day", "$story"]);
        upsertCount = Prepare("""
            INSERT INTO story_term_counts (term, articles)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($changes) WHERE true
            ON CONFLICT (term) DO UPDATE SET articles = articles + excluded.articles
            """, "$changes");
    }

    /// <summary>Loads the document frequencies (once per store; they are then kept up to date in memory).</summary>
    public static TermStatistics LoadStatistics(SqliteConnection connection, SqliteTransaction transaction)
    {
        var frequencies = new Dictionary<long, int>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT term, articles FROM story_term_counts";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                frequencies[reader.GetInt64(0)] = reader.GetInt32(1);
            }
        }

        using var documents = connection.CreateCommand();
        documents.Transaction = transaction;
        documents.CommandText = "SELECT value FROM meta WHERE key = $key";
        documents.Parameters.AddWithValue("$key", StoryMigrations.DocumentsKey);
        var count = documents.ExecuteScalar() is string text ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        return new TermStatistics(frequencies, count);
    }

    /// <summary>
    /// Chooses the article's story (the near-duplicate's, when there is one, else by similarity) and records the
    /// article in it. Returns the story id and whether the story is new.
    /// </summary>
    public (long StoryId, bool Started) Assign(
        NewArticle article, StoryTerms terms, long? nearDuplicateStory, TermStatistics statistics, SqliteTransaction transaction, DateTimeOffset now)
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
            vector = ReadVector(storyId, transaction) ?? StoryVector.Empty();
        }
        else
        {
            var candidates = FindCandidates(indexTerms, day, transaction);
            var decision = StoryMatcher.Choose(terms, candidates, statistics, options);
            if (decision.StoryId is { } chosen)
            {
                storyId = chosen;
                vector = candidates.First(c => c.StoryId == chosen).Vector;
                foreach (var merged in decision.Merged)
                {
                    vector.Add(candidates.First(c => c.StoryId == merged).Vector, statistics);
                    Merge(merged, storyId, transaction, now);
                }
            }
            else
            {
                storyId = InsertStory(article.Title, now, transaction);
                vector = StoryVector.Empty();
                started = true;
            }
        }

        vector.Add(terms, statistics);
        updateVector.Transaction = transaction;
        updateVector.Parameters[0].Value = vector.ToBytes();
        updateVector.Parameters[1].Value = storyId;
        updateVector.ExecuteNonQuery();
        Index(indexTerms, day, storyId, transaction);
        return (storyId, started);
    }

    /// <summary>Writes the batch's document-frequency increments.</summary>
    public void SaveStatistics(TermStatistics statistics, SqliteTransaction transaction)
    {
        // One statement for the whole batch: the increments as a JSON array of [term, added] pairs.
        var changes = statistics.TakeChanges();
        if (changes.Count > 0)
        {
            var json = new System.Text.StringBuilder(changes.Count * 24).Append('[');
            foreach (var (term, added) in changes)
            {
                json.Append(json.Length > 1 ? ",[" : "[").Append(term.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(added.ToString(CultureInfo.InvariantCulture)).Append(']');
            }

            upsertCount.Transaction = transaction;
            upsertCount.Parameters[0].Value = json.Append(']').ToString();
            upsertCount.ExecuteNonQuery();
        }

        using var documents = connection.CreateCommand();
        documents.Transaction = transaction;
        documents.CommandText = "INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
        documents.Parameters.AddWithValue("$key", StoryMigrations.DocumentsKey);
        documents.Parameters.AddWithValue("$value", statistics.Documents.ToString(CultureInfo.InvariantCulture));
        documents.ExecuteNonQuery();
    }

    public void Dispose()
    {
        findCandidates.Dispose();
        readVector.Dispose();
        insertStory.Dispose();
        updateVector.Dispose();
        insertIndex.Dispose();
        upsertCount.Dispose();
    }

    private List<StoryCandidate> FindCandidates(long[] indexTerms, int day, SqliteTransaction transaction)
    {
        var candidates = new List<StoryCandidate>();
        if (indexTerms.Length == 0)
        {
            return candidates;
        }

        findCandidates.Transaction = transaction;
        var p = findCandidates.Parameters;
        for (var i = 0; i < termNames.Length; i++)
        {
            // Unused slots repeat the first term: IN ignores the repeats.
            p[i].Value = indexTerms[i < indexTerms.Length ? i : 0];
        }

        p[termNames.Length].Value = day - options.WindowDays;
        p[termNames.Length + 1].Value = day + options.WindowDays;
        p[termNames.Length + 2].Value = options.Candidates;
        using var reader = findCandidates.ExecuteReader();
        while (reader.Read())
        {
            candidates.Add(new StoryCandidate(reader.GetInt64(0), StoryVector.FromBytes((byte[])reader.GetValue(1))));
        }

        return candidates;
    }

    private StoryVector? ReadVector(long storyId, SqliteTransaction transaction)
    {
        readVector.Transaction = transaction;
        readVector.Parameters[0].Value = storyId;
        return readVector.ExecuteScalar() is byte[] bytes ? StoryVector.FromBytes(bytes) : null;
    }

    private long InsertStory(string title, DateTimeOffset now, SqliteTransaction transaction)
    {
        insertStory.Transaction = transaction;
        insertStory.Parameters[0].Value = title;
        insertStory.Parameters[1].Value = SqliteTime.ToMicroseconds(now);
        insertStory.Parameters[2].Value = Array.Empty<byte>();
        return (long)insertStory.ExecuteScalar()!;
    }

    private void Index(long[] indexTerms, int day, long storyId, SqliteTransaction transaction)
    {
        if (indexTerms.Length == 0)
        {
            return;
        }

        insertIndex.Transaction = transaction;
        var p = insertIndex.Parameters;
        for (var i = 0; i < termNames.Length; i++)
        {
            p[i].Value = indexTerms[i < indexTerms.Length ? i : 0];
        }

        p[termNames.Length].Value = day;
        p[termNames.Length + 1].Value = storyId;
        insertIndex.ExecuteNonQuery();
    }

    /// <summary>Folds <paramref name="merged"/> into <paramref name="into"/>: its articles and index move, its id is recorded.</summary>
    private void Merge(long merged, long into, SqliteTransaction transaction, DateTimeOffset now)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE articles SET story_id = $into WHERE story_id = $merged;
            INSERT OR IGNORE INTO story_index (term, day, story_id) SELECT term, day, $into FROM story_index WHERE story_id = $merged;
            DELETE FROM story_index WHERE story_id = $merged;
            UPDATE stories SET merged_into = $into, vector = NULL WHERE id = $merged OR merged_into = $merged;
            INSERT OR REPLACE INTO story_merges (merged_id, into_id, merged_at) VALUES ($merged, $into, $at);
            UPDATE story_merges SET into_id = $into WHERE into_id = $merged;
            """;
        command.Parameters.AddWithValue("$into", into);
        command.Parameters.AddWithValue("$merged", merged);
        command.Parameters.AddWithValue("$at", SqliteTime.ToMicroseconds(now));
        command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
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
