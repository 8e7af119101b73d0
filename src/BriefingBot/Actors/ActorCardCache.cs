using BriefingBot.Chat;
using Microsoft.Extensions.Options;

namespace BriefingBot.Actors;

/// <summary>
/// Built actor cards (the platform-neutral reply with its PNG chart), one per actor and scope (a workspace's card
/// counts its own articles besides the shared ones, see <see cref="ActorScope"/>), for the day they were built
/// (the chart's range ends today) and the actor's card version in the store (<see cref="IActorStore.GetCardVersionAsync"/>):
/// a request costs one version read until a new mention, development, alias or poll changes the card, or an open poll
/// on it reaches its closing time. Bounded by <see cref="ActorsOptions.CardCacheMegabytes"/>, least recently used
/// out first. Concurrent requests for a card being built wait for that one build.
/// </summary>
public sealed class ActorCardCache : IDisposable
{
    /// <summary>What an entry costs beyond its strings and chart bytes (objects, lists, dictionary and list nodes).</summary>
    private const int EntryOverheadBytes = 2048;

    private readonly ActorService actors;
    private readonly ActorDirectory directory;
    private readonly IActorStore store;
    private readonly IOptions<ActorsOptions> options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<Entry> recency = new();
    private readonly Dictionary<BuildKey, Task<Entry>> building = [];
    private readonly CancellationTokenSource stopping = new();
    private long bytes;
    private long builds;

    public ActorCardCache(ActorService actors, ActorDirectory directory, IActorStore store, IOptions<ActorsOptions> options, TimeProvider time)
    {
        this.actors = actors;
        this.directory = directory;
        this.store = store;
        this.options = options;
        this.time = time;

        // Taught aliases are listed on the card and live in this process's directory: a change there drops every card.
        directory.Changed += OnDirectoryChanged;
    }

    /// <summary>Bytes the cached cards are estimated to hold.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Cards built so far (cache misses that ran).</summary>
    public long Builds => Interlocked.Read(ref builds);

    private long Limit => options.Value.CardCacheMegabytes * 1024L * 1024L;

    /// <summary>The card of the matched actor, headed for the name as typed (an alias says how it reached the actor).</summary>
    public async Task<ChatReply> GetAsync(ActorMatch match, ActorScope scope, CancellationToken cancellationToken)
    {
        var actorId = match.Actor.Id;
        var today = actors.Today;

        // Read the version before the card's data: a change in between leaves the entry with the older version, so it is rebuilt next time.
        var version = await store.GetCardVersionAsync(actorId, cancellationToken);
        var key = new BuildKey(actorId, scope.CacheKey, today, version);
        Task<Entry> pending;
        lock (gate)
        {
            if (entries.TryGetValue(key.Entry, out var node) && node.Value.Key == key && node.Value.ValidUntil > time.GetUtcNow())
            {
                recency.Remove(node);
                recency.AddFirst(node);
                return ForMatch(node.Value.Reply, match);
            }

            if (!building.TryGetValue(key, out pending!))
            {
                pending = BuildAsync(key, match.Actor, scope);
                building[key] = pending;
            }
        }

        var entry = await pending.WaitAsync(cancellationToken);
        return ForMatch(entry.Reply, match);
    }

    /// <summary>
    /// The chart of the card with this key, for <c>GET /charts/actors/...</c>: from the cache, or built when the key is
    /// the actor's current one (another replica posted it); null for an unknown actor or scope, another day or an older version.
    /// </summary>
    public async Task<ReadOnlyMemory<byte>?> GetChartAsync(string actorId, string scopeKey, DateOnly day, long version, CancellationToken cancellationToken)
    {
        var key = new BuildKey(actorId, scopeKey, day, version);
        lock (gate)
        {
            if (entries.TryGetValue(key.Entry, out var node) && node.Value.Key == key)
            {
                return node.Value.Reply.Image?.Png;
            }
        }

        if (directory.FindById(actorId) is not { } actor || ActorScope.FromCacheKey(scopeKey) is not { } scope || day != actors.Today
            || await store.GetCardVersionAsync(actor.Id, cancellationToken) != version)
        {
            return null;
        }

        return (await GetAsync(new ActorMatch(actor, MatchVia.Name, actor.Name), scope, cancellationToken)).Image?.Png;
    }

    /// <summary>Where <c>GET /charts/actors/{actor}/{day}/{version}.png?for={scope}</c> serves the chart, when a public base URL is set.</summary>
    private static Uri? ChartUrl(string? baseUrl, BuildKey key)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        var root = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        return new Uri(root, $"charts/actors/{Uri.EscapeDataString(key.ActorId)}/{key.Day.DayNumber}/{key.Version}.png?for={Uri.EscapeDataString(key.Scope)}");
    }

    public void Dispose()
    {
        directory.Changed -= OnDirectoryChanged;
        stopping.Cancel();
        stopping.Dispose();
    }

    /// <summary>Estimated bytes of a reply: UTF-16 strings, the chart, and a fixed overhead.</summary>
    internal static long Size(ChatReply reply)
    {
        long chars = (reply.Text?.Length ?? 0) + reply.Buttons.Sum(b => b.Id.Length + b.Label.Length) + reply.Links.Sum(l => l.Label.Length + l.Url.Length);
        foreach (var section in reply.Sections)
        {
            chars += section.Title.Length + (section.Body?.Length ?? 0)
                + section.Fields.Sum(f => f.Name.Length + f.Value.Length) + section.Links.Sum(l => l.Label.Length + l.Url.Length);
        }

        var image = reply.Image is { } chart ? chart.Png.Length + ((chart.FileName.Length + chart.AltText.Length) * 2L) : 0;
        return EntryOverheadBytes + (chars * 2) + image;
    }

    private static ChatReply ForMatch(ChatReply reply, ActorMatch match) =>
        match.ThroughAlias ? reply with { Text = ActorCardReply.Header(match), Shared = false } : reply;

    private async Task<Entry> BuildAsync(BuildKey key, Analysis.Actors.Actor actor, ActorScope scope)
    {
        try
        {
            // Off the caller's thread and token: the build is shared by every request waiting for it.
            await Task.Yield();
            var card = await actors.GetCardAsync(new ActorMatch(actor, MatchVia.Name, actor.Name), scope, stopping.Token);
            var settings = options.Value;
            var png = ActorChart.Render(actor.Name, card.ChartFrom, card.ChartTo, card.Days, settings.ChartWidth, settings.ChartHeight);
            var chart = new ReplyImage($"actor-{actor.Id}.png", png, ActorChart.AltText(actor.Name, card.ChartFrom, card.ChartTo, card.Days))
            {
                Url = ChartUrl(settings.ChartBaseUrl, key),
            };
            var reply = ActorCardReply.Card(card, chart) with { Shared = true };

            // An open poll on the card closes at its time, not through a write: the card is good until the first closes.
            var validUntil = card.OpenPolls.Count == 0 ? DateTimeOffset.MaxValue : card.OpenPolls.Min(p => p.ClosesAt);
            var entry = new Entry(key, reply, validUntil, Size(reply));
            Interlocked.Increment(ref builds);
            lock (gate)
            {
                building.Remove(key);
                Store(entry);
            }

            return entry;
        }
        catch
        {
            lock (gate)
            {
                building.Remove(key);
            }

            throw;
        }
    }

    /// <summary>Keeps the entry unless a newer one for the actor and scope is there; then evicts the least recently used past the limit.</summary>
    private void Store(Entry entry)
    {
        var limit = Limit;
        if (entry.Bytes > limit)
        {
            return;
        }

        if (entries.TryGetValue(entry.Key.Entry, out var existing))
        {
            if (existing.Value.Key.Day > entry.Key.Day || (existing.Value.Key.Day == entry.Key.Day && existing.Value.Key.Version > entry.Key.Version))
            {
                return;
            }

            Remove(existing);
        }

        var node = recency.AddFirst(entry);
        entries[entry.Key.Entry] = node;
        bytes += entry.Bytes;
        while (bytes > limit && recency.Last is { } oldest)
        {
            Remove(oldest);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        entries.Remove(node.Value.Key.Entry);
        bytes -= node.Value.Bytes;
    }

    private void OnDirectoryChanged(Analysis.Actors.ActorCatalog catalog)
    {
        lock (gate)
        {
            entries.Clear();
            recency.Clear();
            bytes = 0;
        }
    }

    private readonly record struct BuildKey(string ActorId, string Scope, DateOnly Day, long Version)
    {
        /// <summary>The entry's slot: one card per actor and scope.</summary>
        public string Entry => Scope + "\n" + ActorId;
    }

    private sealed record Entry(BuildKey Key, ChatReply Reply, DateTimeOffset ValidUntil, long Bytes);
}
