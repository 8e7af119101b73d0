using System.Globalization;
using BriefingBot.Articles;

namespace BriefingBot.Analysis.Developments;

/// <summary>The readable form of <c>analyze</c>: one block per article, then the developments that several articles report.</summary>
internal static class AnalyzeReport
{
    private const int ExcerptLength = 90;

    public static async Task WriteAsync(TextWriter output, string file, ArticleFile article, Summary summary, DevelopmentAnalysis analysis)
    {
        await output.WriteLineAsync($"== {article.Title}");
        await output.WriteLineAsync($"   {file} ({(article.Published is { } d ? PollQuestion.Date(d) : "undated")})");
        await output.WriteLineAsync("Summary:");
        foreach (var sentence in summary.Sentences)
        {
            await output.WriteLineAsync($"  - {sentence.Text}");
        }

        var actors = analysis.Mentions
            .GroupBy(m => m.Actor?.Name ?? m.Surface)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}");
        await output.WriteLineAsync($"Actors: {(analysis.Mentions.Count == 0 ? "none" : string.Join(", ", actors))}");
        await output.WriteLineAsync($"Hedged sentences: {analysis.Hedges.Count}");
        foreach (var hedge in analysis.Hedges)
        {
            var cues = string.Join(", ", hedge.Cues.Where(c => c.Kind != HedgeKind.Attribution).Select(c => c.Text));
            var excerpt = ArticleText.Opening(article.Body[hedge.Start..hedge.End], ExcerptLength);
            await output.WriteLineAsync($"  [{hedge.Start}-{hedge.End}] {Percent(hedge.Probability)} ({cues}): {excerpt}");
        }

        await output.WriteLineAsync($"Developments: {analysis.Developments.Count}");
        foreach (var development in analysis.Developments)
        {
            await WriteDevelopmentAsync(output, development);
        }

        await output.WriteLineAsync();
    }

    public static async Task WriteMergedAsync(TextWriter output, IReadOnlyList<MergedDevelopment> merged)
    {
        var corroborated = merged.Where(m => m.Corroboration > 1).ToList();
        await output.WriteLineAsync($"Across articles: {merged.Count} developments, {corroborated.Count} reported by more than one.");
        foreach (var m in corroborated)
        {
            await output.WriteLineAsync($"  - {m.Development.Claim} ({m.Corroboration} sources: {string.Join(", ", m.Sources.Select(Path.GetFileName))})");
        }
    }

    private static async Task WriteDevelopmentAsync(TextWriter output, ReportedDevelopment d)
    {
        await output.WriteLineAsync($"  - {d.Claim} [{d.Start}-{d.End}]");
        await output.WriteLineAsync($"    actors: {string.Join(", ", d.Actors.Select(a => a.Name))}; {Percent(d.Strength)} ({string.Join(", ", d.Cues)})");
        if (d.Attribution.Count > 0)
        {
            await output.WriteLineAsync($"    attribution: {string.Join(" → ", d.Attribution.Select(l => l.Text))}");
        }

        if (d.Window is { } window)
        {
            await output.WriteLineAsync($"    window: {PollQuestion.Date(window.From)} to {PollQuestion.Date(window.To)}");
        }

        await output.WriteLineAsync($"    poll: {d.Question}");
    }

    private static string Percent(double probability) => (probability * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
