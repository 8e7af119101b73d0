using BriefingBot.Chat.Commands;

namespace BriefingBot.Actors;

/// <summary>Autocomplete choices: the label says whose alias it is, the value is what the user picked.</summary>
public static class ActorSuggestions
{
    private const int MaxLength = 100;

    public static IReadOnlyList<AutocompleteChoice> For(IReadOnlyList<ActorMatch> matches) =>
        [.. matches.Select(m => new AutocompleteChoice(
            Fit(m.Via == MatchVia.Name ? $"{m.Actor.Name} ({ActorCardReply.KindName(m.Actor.Kind)})" : $"{m.MatchedName} → {m.Actor.Name}"),
            Fit(m.Via == MatchVia.Id ? m.Actor.Name : m.MatchedName)))];

    // Discord: labels and values of at most 100 characters.
    private static string Fit(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
