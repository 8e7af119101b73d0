using System.Collections.Frozen;
using BriefingBot.Analysis.Actors;

namespace BriefingBot.Actors;

/// <summary>
/// Every way of writing every actor, precomputed for lookups that answer in microseconds: exact names, prefixes of
/// any word of a name (sorted keys, binary search) and near misses (bounded edit distance). Immutable; rebuilt when
/// an alias is taught.
/// </summary>
public sealed class ActorNameIndex
{
    private readonly FrozenDictionary<string, ActorMatch[]> exact;
    private readonly FrozenDictionary<string, Actor> byId;
    private readonly Entry[] entries;
    private readonly (string Key, int Entry)[] wordStarts;

    public ActorNameIndex(ActorCatalog catalog, IReadOnlyCollection<TaughtAlias> taught)
    {
        var all = new List<Entry>();
        foreach (var name in catalog.Names)
        {
            var via = name.Via switch
            {
                "name" => MatchVia.Name,
                "demonym" => MatchVia.Demonym,
                _ => taught.Any(t => t.ActorId == name.Actor.Id && string.Equals(t.Alias, name.Surface, StringComparison.OrdinalIgnoreCase))
                    ? MatchVia.TaughtAlias
                    : MatchVia.Alias,
            };
            var key = ActorNameKey.Of(name.Surface);
            if (key.Length > 0)
            {
                all.Add(new Entry(key, new ActorMatch(name.Actor, via, name.Surface)));
            }
        }

        entries = [.. all.DistinctBy(e => (e.Key, e.Match.Actor.Id))];
        exact = entries.GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(e => e.Match).OrderBy(Rank).ToArray(), StringComparer.Ordinal);
        byId = catalog.Actors.ToFrozenDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        wordStarts = [.. entries.SelectMany((e, i) => WordStarts(e.Key).Select(start => (e.Key[start..], i))).OrderBy(w => w.Item1, StringComparer.Ordinal)];
    }

    public int NameCount => entries.Length;

    public Actor? FindById(string id) => byId.GetValueOrDefault(id);

    /// <summary>The actor written exactly this way (any case, accents, "the"), the best one when several are.</summary>
    public ActorMatch? Find(string text)
    {
        var key = ActorNameKey.Of(text);
        if (exact.TryGetValue(key, out var matches))
        {
            return matches[0];
        }

        return byId.TryGetValue(key, out var actor) ? new ActorMatch(actor, MatchVia.Id, actor.Id) : null;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> actors for a partly typed name, one suggestion per actor: names whose first word
    /// starts with it, then names with a later word that does, then names within one or two typing mistakes of it.
    /// </summary>
    public IReadOnlyList<ActorMatch> Suggest(string partial, int limit)
    {
        var key = ActorNameKey.Of(partial);
        var best = new Dictionary<string, (ActorMatch Match, int Score)>(StringComparer.Ordinal);
        if (key.Length == 0)
        {
            foreach (var entry in entries.Where(e => e.Match.Via == MatchVia.Name))
            {
                Offer(best, entry.Match, 3);
            }
        }
        else
        {
            var first = LowerBound(key);
            for (var i = first; i < wordStarts.Length && wordStarts[i].Key.StartsWith(key, StringComparison.Ordinal); i++)
            {
                var entry = entries[wordStarts[i].Entry];
                var wholeName = entry.Key.Length == wordStarts[i].Key.Length;
                Offer(best, entry.Match, wholeName ? 0 : 1);
            }

            if (best.Count < limit && key.Length >= 3)
            {
                var allowed = key.Length >= 7 ? 2 : 1;
                foreach (var entry in entries)
                {
                    if (!best.ContainsKey(entry.Match.Actor.Id) && EditDistance.WithinPrefix(key, entry.Key, allowed))
                    {
                        Offer(best, entry.Match, 2);
                    }
                }
            }
        }

        return [.. best.Values
            .OrderBy(b => b.Score)
            .ThenBy(b => Rank(b.Match))
            .ThenBy(b => b.Match.Actor.Name.Length)
            .ThenBy(b => b.Match.Actor.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(b => b.Match)];
    }

    /// <summary>Every (key, match) pair, for fuzzy scoring of a name that matched nothing.</summary>
    internal IEnumerable<(string Key, ActorMatch Match)> All => entries.Select(e => (e.Key, e.Match));

    private static void Offer(Dictionary<string, (ActorMatch Match, int Score)> best, ActorMatch match, int score)
    {
        if (!best.TryGetValue(match.Actor.Id, out var current) || (score, Rank(match)) .CompareTo((current.Score, Rank(current.Match))) < 0)
        {
            best[match.Actor.Id] = (match, score);
        }
    }

    /// <summary>Canonical names before aliases, states and organisations before cities and regions.</summary>
    internal static int Rank(ActorMatch match) => ((int)match.Via * 10) + KindRank(match.Actor.Kind);

    private static int KindRank(ActorKind kind) => kind switch
    {
        ActorKind.State => 0,
        ActorKind.Organisation => 1,
        ActorKind.Person => 2,
        ActorKind.ArmedGroup => 3,
        ActorKind.Territory => 4,
        ActorKind.Media => 5,
        _ => 6,
    };

    private int LowerBound(string key)
    {
        int low = 0, high = wordStarts.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(wordStarts[middle].Key, key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static IEnumerable<int> WordStarts(string key)
    {
        yield return 0;
        for (var i = 1; i < key.Length; i++)
        {
            if (key[i - 1] == ' ')
            {
                yield return i;
            }
        }
    }

    private sealed record Entry(string Key, ActorMatch Match);
}
