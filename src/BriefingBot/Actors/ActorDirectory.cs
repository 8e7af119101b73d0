using BriefingBot.Analysis.Actors;
using FuzzySharp;

namespace BriefingBot.Actors;

/// <summary>
/// The actors the bot knows: config/actors.json plus the aliases taught in chat. Holds the current
/// <see cref="ActorCatalog"/> (what the recogniser uses) and its <see cref="ActorNameIndex"/>, swapped as a whole when
/// an alias is taught or removed, so readers never see half an update.
/// </summary>
public sealed class ActorDirectory(ActorCatalog configured)
{
    private const int MinimumSimilarity = 60;

    private volatile Snapshot current = new(configured, [], new ActorNameIndex(configured, []));

    /// <summary>Raised after the aliases changed, with the catalogue that now includes them.</summary>
    public event Action<ActorCatalog>? Changed;

    public ActorCatalog Catalog => current.Catalog;

    public ActorNameIndex Index => current.Index;

    public IReadOnlyList<TaughtAlias> TaughtAliases => current.Taught;

    public ActorMatch? Find(string text) => current.Index.Find(text);

    public Actor? FindById(string id) => current.Index.FindById(id);

    public IReadOnlyList<ActorMatch> Suggest(string partial, int limit) => current.Index.Suggest(partial, limit);

    /// <summary>The actors whose names look most like <paramref name="text"/> (FuzzySharp weighted ratio), best first.</summary>
    public IReadOnlyList<ActorMatch> Closest(string text, int limit)
    {
        var key = ActorNameKey.Of(text);
        if (key.Length == 0)
        {
            return [];
        }

        return [.. current.Index.All
            .Select(e => (e.Match, Score: Fuzz.WeightedRatio(key, e.Key)))
            .Where(s => s.Score >= MinimumSimilarity)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => ActorNameIndex.Rank(s.Match))
            .DistinctBy(s => s.Match.Actor.Id)
            .Take(limit)
            .Select(s => s.Match)];
    }

    /// <summary>Replaces the taught aliases (from the store) and rebuilds the catalogue and the index.</summary>
    public void Apply(IReadOnlyList<TaughtAlias> taught)
    {
        var byActor = taught.ToLookup(t => t.ActorId, StringComparer.OrdinalIgnoreCase);
        var demonyms = configured.Names.Where(n => n.Via == "demonym").ToLookup(n => n.Actor.Id, n => n.Surface);
        var entries = configured.Actors.Select(actor => new ActorEntry(actor.Id, actor.Name, actor.Kind)
        {
            Code = actor.Code,
            Description = actor.Description,
            Aliases = [.. actor.Aliases, .. byActor[actor.Id].Select(t => t.Alias)],
            Demonyms = [.. demonyms[actor.Id]],
        });
        var catalog = new ActorCatalog(entries);
        current = new Snapshot(catalog, taught, new ActorNameIndex(catalog, taught));
        Changed?.Invoke(catalog);
    }

    /// <summary>Whether <paramref name="alias"/> already names an actor in config/actors.json (taught aliases aside).</summary>
    public ActorMatch? FindConfigured(string alias)
    {
        var match = current.Index.Find(alias);
        return match is null || match.Via == MatchVia.TaughtAlias ? null : match;
    }

    private sealed record Snapshot(ActorCatalog Catalog, IReadOnlyList<TaughtAlias> Taught, ActorNameIndex Index);
}
