using System.Data.Common;
using BriefingBot.Analysis.Developments;

using BriefingBot.Storage.Sql;

namespace BriefingBot.Storage;

/// <summary>
/// Merged developments, shared by both providers. Writing: each development saved with an article joins the first
/// recent group whose report it matches (<see cref="DevelopmentMerger.SameDevelopment"/>, same actor and claim) or
/// starts a new group, so the same development keeps its id across articles and re-analysis. Reading: the
/// <see cref="IDevelopmentStore"/> queries.
/// </summary>
internal sealed class DevelopmentGroups(Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect) : IDevelopmentStore
{
    /// <summary>A report older than this starts a new group even when the claim matches (a new round of the story).</summary>
    public static readonly TimeSpan MergeHorizon = TimeSpan.FromDays(120);

    private const int CandidateLimit = 200;

    private const string Columns = """
        g.start, g."end", g.claim, g.actors, g.cues, g.strength, g.attribution, g.window_from, g.window_to, g.question,
        g.resolve_by, g.id, g.first_reported_at, g.last_reported_at
        """;

    private const string HasArticles = "EXISTS (SELECT 1 FROM developments d WHERE d.development_id = g.id)";

    /// <summary>
    /// Finds or creates the group of each development of one article, inside the caller's transaction; returns the
    /// group ids in the order given. The article must exist.
    /// </summary>
    public async Task<IReadOnlyList<long?>> AssignAsync(
        DbConnection connection, DbTransaction transaction, long articleId, IReadOnlyList<ReportedDevelopment> developments, CancellationToken cancellationToken)
    {
        if (developments.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (await ReportedAtAsync(command, articleId, cancellationToken) is not { } reportedAt)
        {
            // No such article: no groups; inserting the rows then fails on the article's foreign key.
            return [.. developments.Select(_ => (long?)null)];
        }

        var ids = new List<long?>(developments.Count);
        foreach (var development in developments)
        {
            var candidates = await CandidatesAsync(command, development, reportedAt - MergeHorizon, cancellationToken);
            var match = candidates.FindIndex(c => DevelopmentMerger.SameDevelopment(c.Development, development));
            ids.Add(match < 0
                ? await CreateAsync(command, development, reportedAt, cancellationToken)
                : await JoinAsync(command, candidates[match], development, reportedAt, cancellationToken));
        }

        return ids;
    }

    public async Task<StoredDevelopment?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM development_groups g WHERE g.id = @id", [("@id", id)], cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<StoredDevelopment>> ListOpenAsync(DateOnly today, string? search, int limit, CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrWhiteSpace(search)
            ? string.Empty
            : @" AND (lower(g.claim) LIKE @pattern ESCAPE '\' OR lower(g.question) LIKE @pattern ESCAPE '\')";
        var sql = $"""
            SELECT {Columns} FROM development_groups g
            WHERE g.resolve_by >= @today AND {HasArticles}{filter}
            ORDER BY g.last_reported_at DESC, g.id DESC LIMIT @limit
            """;
        List<(string, object?)> parameters = [("@today", today), ("@limit", limit)];
        if (filter.Length > 0)
        {
            parameters.Add(("@pattern", Pattern(search!)));
        }

        return QueryAsync(sql, parameters, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredDevelopment>> ListForArticlesAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0)
        {
            return [];
        }

        var sql = $"""
            SELECT {Columns} FROM development_groups g
            WHERE g.id IN (SELECT development_id FROM developments WHERE article_id {dialect.InList("@articles")})
            """;
        var found = await QueryAsync(sql, [("@articles", dialect.Longs(articleIds))], cancellationToken);
        return [.. found.OrderByDescending(d => d.Corroboration).ThenByDescending(d => d.LastReportedAt).ThenBy(d => d.Id)];
    }

    public Task<IReadOnlyList<StoredDevelopment>> ListForActorAsync(string actorId, int limit, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {Columns} FROM development_groups g
            WHERE g.id IN (SELECT development_id FROM development_group_actors WHERE actor_id = @actor) AND {HasArticles}
            ORDER BY g.last_reported_at DESC, g.id DESC LIMIT @limit
            """;
        return QueryAsync(sql, [("@actor", actorId), ("@limit", limit)], cancellationToken);
    }

    private static string Pattern(string search) =>
        "%" + search.Trim().ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";

    private async Task<IReadOnlyList<StoredDevelopment>> QueryAsync(
        string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AnalysisRows.Bind(command, parameters);
        var groups = new List<(long Id, ReportedDevelopment Development, DateTimeOffset First, DateTimeOffset Last)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add((reader.GetInt64(11), AnalysisRows.ReadDevelopment(reader), dialect.ReadTime(reader, 12), dialect.ReadTime(reader, 13)));
            }
        }

        var articles = await ArticleIdsAsync(command, groups.Select(g => g.Id), cancellationToken);
        return [.. groups.Select(g => new StoredDevelopment(g.Id, g.Development, articles.GetValueOrDefault(g.Id) ?? [], g.First, g.Last))];
    }

    private async Task<Dictionary<long, List<long>>> ArticleIdsAsync(DbCommand command, IEnumerable<long> groupIds, CancellationToken cancellationToken)
    {
        var byGroup = new Dictionary<long, List<long>>();
        var ids = groupIds.ToList();
        if (ids.Count == 0)
        {
            return byGroup;
        }

        command.CommandText = $"""
            SELECT DISTINCT development_id, article_id FROM developments
            WHERE development_id {dialect.InList("@groups")} ORDER BY development_id, article_id
            """;
        AnalysisRows.Bind(command, [("@groups", dialect.Longs(ids))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var group = reader.GetInt64(0);
            if (!byGroup.TryGetValue(group, out var list))
            {
                byGroup[group] = list = [];
            }

            list.Add(reader.GetInt64(1));
        }

        return byGroup;
    }

    private async Task<DateTimeOffset?> ReportedAtAsync(DbCommand command, long articleId, CancellationToken cancellationToken)
    {
        command.CommandText = "SELECT coalesce(published_at, fetched_at) FROM articles WHERE id = @article";
        AnalysisRows.Bind(command, [("@article", articleId)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? dialect.ReadTime(reader, 0) : null;
    }

    private async Task<List<(long Id, ReportedDevelopment Development)>> CandidatesAsync(
        DbCommand command, ReportedDevelopment development, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var candidates = new List<(long, ReportedDevelopment)>();
        if (development.Actors.Count == 0)
        {
            return candidates;
        }

        command.CommandText = $"""
            SELECT {Columns} FROM development_groups g
            WHERE g.id IN (SELECT development_id FROM development_group_actors WHERE actor_id {dialect.InList("@actors")})
              AND g.last_reported_at >= @since
            ORDER BY g.last_reported_at DESC, g.id DESC LIMIT {CandidateLimit}
            """;
        AnalysisRows.Bind(command, [("@actors", dialect.Texts(development.Actors.Select(a => a.Id))), ("@since", dialect.Time(since))]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add((reader.GetInt64(11), AnalysisRows.ReadDevelopment(reader)));
        }

        return candidates;
    }

    private async Task<long> CreateAsync(DbCommand command, ReportedDevelopment development, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        command.CommandText = """
            INSERT INTO development_groups (start, "end", claim, actors, cues, strength, attribution, window_from, window_to,
                question, resolve_by, first_reported_at, last_reported_at)
            VALUES (@start, @end, @claim, @actors, @cues, @strength, @attribution, @window_from, @window_to,
                @question, @resolve_by, @reported, @reported)
            RETURNING id
            """;
        AnalysisRows.Bind(command, [.. AnalysisRows.DevelopmentFields(development), ("@reported", dialect.Time(reportedAt))]);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        await AddActorsAsync(command, id, development, cancellationToken);
        return id;
    }

    private static async Task AddActorsAsync(DbCommand command, long id, ReportedDevelopment development, CancellationToken cancellationToken)
    {
        command.CommandText = "INSERT INTO development_group_actors (actor_id, development_id) VALUES (@actor, @id) ON CONFLICT DO NOTHING";
        foreach (var actor in development.Actors)
        {
            AnalysisRows.Bind(command, [("@actor", actor.Id), ("@id", id)]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<long> JoinAsync(
        DbCommand command, (long Id, ReportedDevelopment Development) group, ReportedDevelopment development, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        if (group.Development.Window is null && development.Window is not null)
        {
            // The first report to state a time window stands for the group from now on, so that a later report
            // with a different window ("by August" against "in January") starts a group of its own.
            command.CommandText = """
                UPDATE development_groups SET start = @start, "end" = @end, claim = @claim, actors = @actors, cues = @cues,
                    strength = @strength, attribution = @attribution, window_from = @window_from, window_to = @window_to,
                    question = @question, resolve_by = @resolve_by
                WHERE id = @id
                """;
            AnalysisRows.Bind(command, [.. AnalysisRows.DevelopmentFields(development), ("@id", group.Id)]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        command.CommandText = """
            UPDATE development_groups SET
                first_reported_at = CASE WHEN first_reported_at > @reported THEN @reported ELSE first_reported_at END,
                last_reported_at = CASE WHEN last_reported_at < @reported THEN @reported ELSE last_reported_at END
            WHERE id = @id
            """;
        AnalysisRows.Bind(command, [("@reported", dialect.Time(reportedAt)), ("@id", group.Id)]);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await AddActorsAsync(command, group.Id, development, cancellationToken);
        return group.Id;
    }
}
