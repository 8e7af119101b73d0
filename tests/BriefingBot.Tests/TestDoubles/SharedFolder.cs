namespace BriefingBot.Tests.TestDoubles;

/// <summary>Finds <c>../shared</c> (beside the repository) from the test output folder.</summary>
public static class SharedFolder
{
    public static string Path { get; } = Find();

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

        throw new DirectoryNotFoundException("shared/ (with corpus/) was not found beside the repository.");
    }
}
