using BriefingBot.Analysis.Developments;

namespace BriefingBot.Tests.Digests;

/// <summary>A hand-written <see cref="IDevelopmentStore"/> holding the developments a test adds.</summary>
public sealed class InMemoryDevelopmentStore : IDevelopmentStore
{
    private readonly List<StoredDevelopment> developments = [];

    public StoredDevelopment Add(string claim, params long[] articleIds)
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var development = new StoredDevelopment(
            developments.Count + 500,
            new ReportedDevelopment(0, claim.Length, claim, [], ["reportedly"], 0.5, [], null, "Will it happen?", new DateOnly(2026, 6, 1)),
            articleIds,
            at,
            at);
        developments.Add(development);
        return development;
    }

    public Task<StoredDevelopment?> GetAsync(long id, CancellationToken cancellationToken) =>
        Task.FromResult(developments.FirstOrDefault(d => d.Id == id));

    public Task<IReadOnlyList<StoredDevelopment>> ListOpenAsync(DateOnly today, string? search, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDevelopment>>([.. developments.Where(d => d.Development.ResolveBy >= today).Take(limit)]);

    public Task<IReadOnlyList<StoredDevelopment>> ListForArticlesAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDevelopment>>(
            [.. developments.Where(d => d.ArticleIds.Any(articleIds.Contains)).OrderByDescending(d => d.Corroboration)]);

    public Task<IReadOnlyList<StoredDevelopment>> ListForActorAsync(string actorId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredDevelopment>>([.. developments.Where(d => d.Development.Actors.Any(a => a.Id == actorId)).Take(limit)]);
}
