using BriefingBot.Analysis.Actors;

namespace BriefingBot.Digests;

/// <summary>
/// A subscription's filter: an actor when the text names a catalogued one (its id, name, alias or demonym, so
/// "Pyongyang" means North Korea), otherwise a keyword matched in the title and text of new articles.
/// </summary>
public sealed record DigestFilter(string Text, Actor? Actor)
{
    public string? Keyword => Actor is null ? Text : null;

    /// <summary>How the filter reads in a header: the actor's name, or the keyword in quotes.</summary>
    public string Label => Actor is { } actor ? actor.Name : $"\"{DigestText.Inert(Text)}\"";

    public static DigestFilter? Resolve(string? filter, ActorCatalog catalog)
    {
        var text = filter?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var actor = catalog.Find(text)
            ?? catalog.Names.FirstOrDefault(n => string.Equals(n.Surface, text, StringComparison.OrdinalIgnoreCase))?.Actor;
        return new DigestFilter(text, actor);
    }
}
