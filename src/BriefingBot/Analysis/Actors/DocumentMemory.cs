namespace BriefingBot.Analysis.Actors;

/// <summary>
/// What a text has already told about its names: "Phil Simmons" is a person, so "Simmons" later is too, and so is
/// "SIMMONS" in a headline in capitals.
/// </summary>
internal sealed class DocumentMemory
{
    private readonly Dictionary<string, ActorKind> kinds = new(StringComparer.Ordinal);

    public static DocumentMemory From(IEnumerable<Found> found, WordToken[] words)
    {
        var memory = new DocumentMemory();
        foreach (var item in found)
        {
            if (item.Kind is not { } kind)
            {
                continue;
            }

            if (item.Via == "demonym")
            {
                continue;
            }

            if (kind == ActorKind.Person && item.Last > item.First)
            {
                memory.kinds[words[item.Last].Key] = kind;
            }

            memory.kinds.TryAdd(Key(words, item.First, item.Last), kind);
            if (kind == ActorKind.Person && item.Last > item.First && item.Via == "rule")
            {
                // "Han Seung-jo ... Han told reporters": a family name may come first.
                memory.kinds.TryAdd(words[item.First].Key, kind);
            }
        }

        return memory;
    }

    public ActorKind? Find(WordToken[] words, int first, int last) =>
        kinds.TryGetValue(Key(words, first, last), out var kind) ? kind : null;

    private static string Key(WordToken[] words, int first, int last) =>
        first == last ? words[first].Key : string.Join(' ', words[first..(last + 1)].Select(word => word.Key));
}
