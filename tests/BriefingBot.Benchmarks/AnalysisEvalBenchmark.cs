using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Benchmarks;

/// <summary><c>analysis-eval</c>: the analysis quality figures on the tune and the held-out part of shared/eval.</summary>
internal static class AnalysisEvalBenchmark
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var root = AnalyzeBenchmark.RepositoryRoot();
        var eval = SharedEvalData.FindRoot(root);
        if (eval is null)
        {
            await Console.Error.WriteLineAsync("no shared/eval folder above " + root);
            return 1;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var recognizer = new ActorRecognizer(ActorCatalog.Load(Path.Combine(root, "config", "actors.json")));
        await AnalysisEvaluation.WriteAsync(eval, recognizer, Console.Out);
        return 0;
    }
}
