using System.Text.RegularExpressions;

namespace BriefingBot.Tests.Architecture;

/// <summary>
/// Which top-level folders of <c>src/BriefingBot</c> name which others (usings, aliases, fully-qualified names;
/// comments and the file's own namespace line skipped), and which of those edges close a cycle.
/// </summary>
internal sealed partial class NamespaceGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> edges)
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Edges { get; } = edges;

    public static NamespaceGraph FromSources(IEnumerable<(string Folder, string Source)> files)
    {
        var sources = files.ToList();
        var folders = sources.Select(f => f.Folder).ToHashSet(StringComparer.Ordinal);
        var edges = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (folder, source) in sources)
        {
            foreach (var target in ReferencedFolders(source).Where(t => t != folder && folders.Contains(t)))
            {
                edges[folder].Add(target);
            }
        }

        return new(edges.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value, StringComparer.Ordinal));
    }

    /// <summary>Edges A → B where B reaches A again: the edges that take part in a cycle.</summary>
    public IReadOnlyList<string> CyclicEdges() =>
    [
        .. Edges.SelectMany(e => e.Value.Where(target => Reaches(target, e.Key)).Select(target => $"{e.Key} -> {target}"))
            .Order(StringComparer.Ordinal),
    ];

    public bool Reaches(string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var node))
        {
            foreach (var next in Edges.GetValueOrDefault(node) ?? new HashSet<string>())
            {
                if (next == to)
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    internal static IEnumerable<string> ReferencedFolders(string source) =>
        source.Split('\n')
            .Select(l => l.Trim())
            .Where(l => !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith("namespace ", StringComparison.Ordinal))
            .SelectMany(l => QualifiedName().Matches(l.Split("//")[0]).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![\w.""])(?:global::)?BriefingBot\s*\.\s*(\w+)")]
    private static partial Regex QualifiedName();
}
