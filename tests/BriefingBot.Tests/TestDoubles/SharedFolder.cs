namespace BriefingBot.Tests.TestDoubles;

/// <summary>Finds <c>shared/</c>, which lives beside the repository (for a worktree, beside one of its ancestors).</summary>
public static class SharedFolder
{
    public static string Corpus => Path.Combine(Root, "corpus");

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "corpus")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("No shared/corpus beside any ancestor of " + AppContext.BaseDirectory);
        }
    }
}
