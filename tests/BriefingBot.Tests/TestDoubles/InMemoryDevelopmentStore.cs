using BriefingBot.Analysis.Developments;

namespace BriefingBot.Tests.TestDoubles;

/// <summary>Stored developments held in a list, for tests of features that read them.</summary>
public sealed class InMemoryDevelopmentStore : IDevelopmentStore
{
    public List<StoredDevelopment> Developments { get; } = [];

    /// <summary>Adds a development with no actors, reported by <paramref name="articleIds"/>, and returns it.</summary>
    public StoredDevelopment Add(string claim, params long[] articleIds) =>
        Add(new ReportedDevelopment(0, claim.Length, claim, [], ["reportedly"], 0.5, [], null, "Will it happen?", new DateOnly(2026, 6, 1)), articleIds);

    public StoredDevelopment Add(ReportedDevelopment reported, params long[] articleIds)
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var development = new StoredDevelopment(
            Developments.Count + 500,
            reported,
            articleIds,
            at,
            at);
        Developments.Add(development);
        return development;
    }

    public Task<StoredDevelopment?> GetAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(Developments.FirstOrDefault(d => d.Id == id));

    public Task<IReadOnlyList<StoredDevelopment>> ListOpenAsync(DateOnly today, string? search, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDevelopment>>([.. Developments
            .Where(d => d.Development.ResolveBy >= today)
            .Where(d => search is null || d.Development.Claim.Contains(search, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(d => d.LastReportedAt).Take(limit)]);

    public Task<IReadOnlyList<StoredDevelopment>> ListForArticlesAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDevelopment>>([.. Developments
            .Where(d => d.ArticleIds.Any(articleIds.Contains)).OrderByDescending(d => d.Corroboration)]);

    public Task<IReadOnlyList<StoredDevelopment>> ListForActorAsync(string actorId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDevelopment>>([.. Developments
            .Where(d => d.Development.Actors.Any(a => a.Id == actorId)).OrderByDescending(d => d.LastReportedAt).Take(limit)]);
}
