namespace BriefingBot.Tests.TestDoubles;

/// <summary>Finds <c>shared/</c>, which lives beside the repository (for a worktree, beside one of its ancestors).</summary>
public static class SharedFolder
{
    public static string Path { get; } = Find();

    public static string Root => Path;

    public static string Corpus => System.IO.Path.Combine(Path, "corpus");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "corpus")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("No shared/corpus beside any ancestor of " + AppContext.BaseDirectory);
    }
}
