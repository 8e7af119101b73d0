using BriefingBot.Analysis.Learning;

namespace BriefingBot.Tests.Analysis;

/// <summary>The evaluation sets in shared/, which sits beside the repository (or inside a CI clone's parent).</summary>
public static class SharedEval
{
    public static string Path(params string[] parts)
    {
        var eval = SharedEvalData.FindRoot() ?? throw new DirectoryNotFoundException($"No shared/eval folder above {AppContext.BaseDirectory}.");
        return System.IO.Path.Combine([eval, .. parts]);
    }

    public static IReadOnlyList<SummaryCase> Summaries(string file) => SharedEvalData.Summaries(Path("summaries", file));

    public static string TitleFromUrl(string url) => SharedEvalData.TitleFromUrl(url);
}
