using System.Collections.Frozen;
using System.Text.Json;

namespace BriefingBot.Analysis.Actors;

/// <summary>The known actors from config/actors.json, with every surface form that names one of them.</summary>
public sealed class ActorCatalog
{
    private readonly FrozenDictionary<string, Actor> byId;

    public ActorCatalog(IEnumerable<ActorEntry> entries)
    {
        var actors = new List<Actor>();
        var names = new List<ActorName>();
        foreach (var entry in entries)
        {
            var actor = new Actor(entry.Id, entry.Name, entry.Kind)
            {
                Code = entry.Code,
                Description = entry.Description,
                Aliases = [.. entry.Aliases ?? [], .. entry.Metonyms ?? []],
                Metonyms = entry.Metonyms ?? [],
            };
            actors.Add(actor);
            names.Add(new ActorName(entry.Name, actor, "name"));
            names.AddRange(actor.Aliases.Select(alias => new ActorName(alias, actor, "alias")));
            names.AddRange((entry.Demonyms ?? []).Select(demonym => new ActorName(demonym, actor, "demonym")));
        }

        Actors = actors;
        Names = names;
        byId = actors.ToFrozenDictionary(actor => actor.Id, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Actor> Actors { get; }

    public IReadOnlyList<ActorName> Names { get; }

    public Actor? Find(string id) => byId.GetValueOrDefault(id);

    public static ActorCatalog Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static ActorCatalog Load(Stream json)
    {
        var file = JsonSerializer.Deserialize(json, ActorJsonContext.Default.ActorCatalogFile)
            ?? throw new InvalidDataException("actors.json is empty.");
        return new ActorCatalog(file.Actors);
    }
}
