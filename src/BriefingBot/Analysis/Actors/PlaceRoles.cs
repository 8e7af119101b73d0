using System.Collections.Frozen;

namespace BriefingBot.Analysis.Actors;

/// <summary>
/// Places that are not actors where they stand. A capital stands for its state where the state acts ("Beijing said",
/// "support from Pyongyang", "Pyongyang's foreign policy"); right after a preposition of place ("talks in Beijing",
/// "an official in Baghdad said", "arrived in Seoul", "visited Moscow") it is the city, reported as a place with no
/// actor. "from" and "to" are left out: "support from Pyongyang" and "troops to Moscow" are the state's. Continents and world regions ("Asia", "East Asia",
/// "the Pacific", "the Middle East": the catalogue's places with no state code, but for "Korea", which the text
/// settles to North or South) are never actors, whatever type the
/// tagger gave them. Neither is a candidate actor, and the span and its CoNLL type
/// (LOC) stay as the tagger gave them, so only the resolution changes.
/// </summary>
internal sealed class PlaceRoles
{
    public const string PlaceVia = "place";
    public const string RegionVia = "region";

    private static readonly FrozenSet<string> Locative = new[]
    {
        "in", "at", "near", "outside", "across", "around", "via", "inside", "throughout", "visit", "visited",
        "visiting", "visits",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenSet<string> regions;

    public PlaceRoles(ActorCatalog catalog)
    {
        regions = catalog.Actors
            .Where(actor => actor is { Kind: ActorKind.Place, Code: null } && actor.Id != Ambiguity.KoreaId)
            .SelectMany(actor => actor.Aliases.Prepend(actor.Name))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public List<ActorMention> Apply(string text, IReadOnlyList<ActorMention> mentions, WordToken[] words)
    {
        var startToWord = new Dictionary<int, int>(words.Length);
        for (int w = 0; w < words.Length; w++)
        {
            startToWord.TryAdd(words[w].Start, w);
        }

        var result = new List<ActorMention>(mentions.Count);
        bool previousWasPlace = false;
        int previousEnd = -1;
        foreach (var mention in mentions)
        {
            var placed = Place(text, mention, words, startToWord, previousWasPlace && IsListedAfter(text, previousEnd, mention.Start));
            result.Add(placed);
            previousWasPlace = placed.Via == PlaceVia;
            previousEnd = mention.End;
        }

        return result;
    }

    /// <summary>A world region: a catalogue place with no state of its own ("Asia", "East Asia", "the Pacific").</summary>
    public bool IsRegion(string surface) => regions.Contains(Normalize(surface));

    private static string Normalize(string surface)
    {
        var name = string.Join(' ', surface.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
        return name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
    }

    private ActorMention Place(string text, ActorMention mention, WordToken[] words, Dictionary<int, int> startToWord, bool listedAfterPlace)
    {
        if (mention.Via != "demonym" && IsRegion(mention.Surface))
        {
            return mention with { Actor = null, Kind = ActorKind.Place, Via = RegionVia };
        }

        if (mention.Actor is not { Kind: ActorKind.State } actor
            || !actor.Metonyms.Contains(mention.Surface, StringComparer.OrdinalIgnoreCase)
            || !startToWord.TryGetValue(mention.Start, out int first))
        {
            return mention;
        }

        int last = first;
        while (last + 1 < words.Length && words[last].End < mention.End)
        {
            last++;
        }

        // "in Pyongyang's military cooperation" is the state's; "in Moscow's Central Clinical Hospital" is the city's.
        bool acts = words[last].IsPossessive && !(last + 1 < words.Length && words[last + 1].IsCapitalised);
        bool locative = listedAfterPlace || (first > 0 && Locative.Contains(words[first - 1].Key) && IsAdjacent(text, words[first - 1].End, mention.Start));
        return locative && !acts ? mention with { Actor = null, Kind = ActorKind.Place, Via = PlaceVia, Confidence = 0.7 } : mention;
    }

    // Only spaces between the preposition and the name: "in Beijing", not "in 2019. Beijing".
    private static bool IsAdjacent(string text, int end, int start) => text.AsSpan(end, start - end).IsWhiteSpace();

    // "in Beijing and Moscow", "to Seoul, Tokyo and Manila".
    private static bool IsListedAfter(string text, int previousEnd, int start)
    {
        if (previousEnd < 0 || start <= previousEnd)
        {
            return false;
        }

        var between = text.AsSpan(previousEnd, start - previousEnd).Trim();
        return between is "," or "and" or "or" or ", and" or ", or";
    }
}
