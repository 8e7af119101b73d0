namespace BriefingBot.Tests.Architecture;

/// <summary>
/// Top-level folders depend one way: no new cycle, <c>Chat/</c> names no feature, features name no platform.
/// The graph is read from the sources by <see cref="NamespaceGraph"/>.
/// </summary>
public sealed class NamespaceDependencyTests
{
    private static readonly string[] Features = ["Actors", "Analysis", "Articles", "Digests", "Follows", "Polls", "Web"];

    /// <summary>
    /// The cyclic edges that exist today (Hosting is both root and shared kernel; Storage implements the features'
    /// stores while features use Storage helpers). Shrink this list as they are broken; never grow it.
    /// </summary>
    private static readonly string[] KnownCyclicEdges =
    [
        "Actors -> Analysis", "Actors -> Articles", "Actors -> Chat", "Actors -> Hosting", "Actors -> Polls", "Actors -> Storage",
        "Analysis -> Articles", "Analysis -> Hosting", "Analysis -> Storage",
        "Articles -> Analysis", "Articles -> Chat", "Articles -> Hosting", "Articles -> Storage",
        "Chat -> Hosting", "Chat -> Storage",
        "Digests -> Analysis", "Digests -> Articles", "Digests -> Chat", "Digests -> Hosting", "Digests -> Storage",
        "Follows -> Actors", "Follows -> Analysis", "Follows -> Articles", "Follows -> Chat", "Follows -> Digests", "Follows -> Hosting",
        "Hosting -> Actors", "Hosting -> Analysis", "Hosting -> Articles", "Hosting -> Chat", "Hosting -> Digests", "Hosting -> Follows",
        "Hosting -> Platforms", "Hosting -> Polls", "Hosting -> Scheduling", "Hosting -> Storage", "Hosting -> Web",
        "Platforms -> Chat", "Platforms -> Hosting", "Platforms -> Storage",
        "Polls -> Analysis", "Polls -> Articles", "Polls -> Chat", "Polls -> Hosting",
        "Scheduling -> Hosting", "Scheduling -> Storage",
        "Storage -> Actors", "Storage -> Analysis", "Storage -> Articles", "Storage -> Chat", "Storage -> Digests",
        "Storage -> Follows", "Storage -> Hosting", "Storage -> Polls", "Storage -> Web",
        "Web -> Actors", "Web -> Analysis", "Web -> Articles", "Web -> Chat", "Web -> Digests", "Web -> Hosting", "Web -> Polls",
    ];

    private static readonly Lazy<NamespaceGraph> Source = new(ReadSource);

    [Fact]
    public void TopLevelFolders_NoCycleBeyondTheKnownOnes()
    {
        var added = Source.Value.CyclicEdges().Except(KnownCyclicEdges, StringComparer.Ordinal).ToList();

        Assert.True(added.Count == 0, "New dependency cycles between top-level folders:\n" + string.Join('\n', added));
    }

    [Fact]
    public void Chat_NamesNoFeature()
    {
        var features = Source.Value.Edges["Chat"].Intersect(Features, StringComparer.Ordinal).ToList();

        Assert.True(features.Count == 0, "Chat/ names features: " + string.Join(", ", features));
    }

    [Fact]
    public void Features_NameNoPlatform()
    {
        var offenders = Features.Where(f => Source.Value.Edges[f].Contains("Platforms")).ToList();

        Assert.True(offenders.Count == 0, "Features naming Platforms: " + string.Join(", ", offenders));
    }

    [Fact]
    public void CyclicEdges_ThreeNodeLoopWithTail_ReportsOnlyTheLoop()
    {
        var graph = Graph(("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"));

        Assert.Equal(["A -> B", "B -> C", "C -> A"], graph.CyclicEdges());
    }

    [Fact]
    public void CyclicEdges_Layered_IsEmpty()
    {
        var graph = Graph(("Hosting", "Chat"), ("Hosting", "Digests"), ("Digests", "Chat"), ("Chat", "Storage"));

        Assert.Empty(graph.CyclicEdges());
    }

    [Fact]
    public void FromSources_UsingsAliasesAndQualifiedNames_AreEdgesCommentsAndOwnNamespaceAreNot()
    {
        var graph = NamespaceGraph.FromSources(
        [
            ("Chat", "namespace BriefingBot.Chat;\nusing BriefingBot.Storage;\n// see BriefingBot.Digests\n"),
            ("Digests", "namespace BriefingBot.Digests;\nusing Q = BriefingBot.Chat.ChatQueue;\nvar x = global::BriefingBot.Storage.Rows.Count;\n"),
            ("Storage", "namespace BriefingBot.Storage;\nconst string Meter = \"BriefingBot.Digests\";\n"),
        ]);

        Assert.Equal(["Storage"], graph.Edges["Chat"]);
        Assert.Equal(["Chat", "Storage"], graph.Edges["Digests"].Order(StringComparer.Ordinal));
        Assert.Empty(graph.Edges["Storage"]);
    }

    private static NamespaceGraph Graph(params (string From, string To)[] edges) =>
        new(edges.SelectMany(e => new[] { e.From, e.To }).Distinct().ToDictionary(
            n => n,
            n => (IReadOnlySet<string>)edges.Where(e => e.From == n).Select(e => e.To).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal));

    private static NamespaceGraph ReadSource()
    {
        var src = Path.Combine(FeatureBoundaryTests.RepositoryRoot(), "src", "BriefingBot");
        var files = Directory.EnumerateDirectories(src)
            .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories)
                .Select(f => (Path.GetFileName(d), File.ReadAllText(f))))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files under {src}");
        return NamespaceGraph.FromSources(files);
    }
}
