using System.Collections.Frozen;

namespace BriefingBot.Analysis.Actors;

/// <summary>
/// Names that stand for more than one actor and are settled by the text around them: "Korea" (North or South),
/// "Georgia" (the Caucasus state or the US state), "Washington" (the US government, or the city or state).
/// </summary>
internal static class Ambiguity
{
    public const string KoreaId = "place:korea";
    public const string WashingtonPlaceId = "place:us:washington";
    public const string GeorgiaPlaceId = "place:us:georgia";

    private static readonly FrozenSet<string> CaucasusCues = Set(
        "tbilisi", "caucasus", "georgian", "georgians", "abkhazia", "ossetia", "batumi", "armenia", "azerbaijan", "kremlin",
        "moscow", "russia", "soviet", "saakashvili", "shevardnadze", "black", "ukraine", "eu", "nato");

    private static readonly FrozenSet<string> UsStateCues = Set(
        "atlanta", "savannah", "augusta", "alabama", "florida", "carolina", "tennessee", "county", "governor", "gov",
        "republican", "republicans", "democrat", "democrats", "peach", "state's", "u.s.", "american", "texas", "ohio",
        "senate", "sheriff", "bulldogs", "falcons");

    private static readonly FrozenSet<string> PoliticsCues = Set(
        "government", "administration", "officials", "official", "sanctions", "policy", "policies", "talks", "ally",
        "allies", "alliance", "treaty", "tariffs", "tariff", "deal", "pressure", "relations", "diplomatic", "diplomacy",
        "summit", "negotiations", "negotiators", "military", "troops", "war", "president", "congress", "moscow", "beijing",
        "pyongyang", "seoul", "tokyo", "kremlin", "kyiv", "tehran", "nuclear", "accused", "urged", "warned", "demanded",
        "condemned", "welcomed", "criticised", "criticized", "rejected", "threatened", "imposed", "support", "aid",
        "weapons", "regime", "envoy", "ambassador", "embassy", "washington's", "election", "sanction", "policymakers");

    private static readonly FrozenSet<string> ActingVerbs = Set(
        "said", "says", "has", "have", "is", "was", "wants", "wanted", "will", "would", "could", "must", "should",
        "accused", "urged", "warned", "demanded", "condemned", "welcomed", "rejected", "threatened", "imposed", "announced",
        "insists", "insisted", "believes", "fears", "hopes", "sees", "views");

    private static readonly FrozenSet<string> PlacePrepositions = Set(
        "in", "to", "from", "at", "near", "outside", "around", "visit", "visited", "visiting", "arrived", "flew", "travel",
        "travelled", "traveled", "returned", "based", "downtown", "suburban");

    /// <summary>True when the name can only be settled once the whole text is known.</summary>
    public static bool NeedsContext(IReadOnlyList<ActorName> names) =>
        names.Any(name => name.Actor.Id is KoreaId or WashingtonPlaceId or GeorgiaPlaceId);

    /// <summary>"Korea" alone: the Korea the text otherwise speaks of; South Korea, unsure, when it names neither or both equally.</summary>
    public static (Actor Actor, double Confidence) Korea(ActorCatalog catalog, int northMentions, int southMentions)
    {
        var north = catalog.Find("kp")!;
        var south = catalog.Find("kr")!;
        if (northMentions > 0 && southMentions == 0)
        {
            return (north, 0.8);
        }

        if (southMentions > 0 && northMentions == 0)
        {
            return (south, 0.8);
        }

        if (northMentions != southMentions)
        {
            return (northMentions > southMentions ? north : south, 0.55);
        }

        return (south, 0.4);
    }

    public static (Actor Actor, double Confidence) Georgia(ActorCatalog catalog, IReadOnlySet<string> documentKeys)
    {
        int caucasus = CaucasusCues.Count(documentKeys.Contains);
        int usState = UsStateCues.Count(documentKeys.Contains);
        var state = catalog.Find("ge")!;
        if (caucasus == usState)
        {
            return (state, 0.5);
        }

        return caucasus > usState ? (state, 0.8) : (catalog.Find(GeorgiaPlaceId)!, 0.8);
    }

    /// <summary>The government when Washington acts or the sentence is about politics; otherwise the place.</summary>
    public static (Actor Actor, double Confidence) Washington(ActorCatalog catalog, WordToken[] words, int index)
    {
        var government = catalog.Find("us")!;
        var place = catalog.Find(WashingtonPlaceId)!;
        string next = index + 1 < words.Length ? words[index + 1].Key : "";
        string previous = index > 0 ? words[index - 1].Key : "";
        if (ActingVerbs.Contains(next) || words[index].IsPossessive)
        {
            return (government, 0.85);
        }

        bool politics = false;
        for (int i = Math.Max(0, index - 15); i < Math.Min(words.Length, index + 16) && !politics; i++)
        {
            politics = i != index && words[i].Line == words[index].Line && PoliticsCues.Contains(words[i].Key);
        }

        if (PlacePrepositions.Contains(previous))
        {
            return (place, politics ? 0.55 : 0.7);
        }

        return politics ? (government, 0.7) : (place, 0.5);
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
