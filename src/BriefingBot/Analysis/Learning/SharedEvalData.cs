using System.Text.Json;
using System.Text.RegularExpressions;

namespace BriefingBot.Analysis.Learning;

/// <summary>One CNN/DailyMail or XSum evaluation article with its reference summary.</summary>
public sealed record SummaryCase(string Id, string Url, string Article, string[] ArticleLines, string Reference)
{
    /// <summary>
    /// The headline as the URL slug spells it ("...article-3023941/Gary-Locke-set-confirmed.html"): the sets carry
    /// no title field, and a summariser is given one in production. Empty when the URL has no slug.
    /// </summary>
    public string Title => SharedEvalData.TitleFromUrl(Url);
}

/// <summary>
/// The evaluation sets in shared/ (beside the repository, or inside a CI clone's parent). Only training and
/// evaluation read them; the shipped product never does.
/// </summary>
public static partial class SharedEvalData
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The shared/eval folder above <paramref name="start"/> (default: the running binary), or null.</summary>
    public static string? FindRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var eval = Path.Combine(dir.FullName, "shared", "eval");
            if (Directory.Exists(eval))
            {
                return eval;
            }
        }

        return null;
    }

    public static IReadOnlyList<SummaryCase> Summaries(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<SummaryCase>(line, Json)!)
            .ToList();

    public static string TitleFromUrl(string url)
    {
        var match = Slug().Match(url);
        return match.Success ? match.Groups["slug"].Value.Replace('-', ' ') : "";
    }

    [GeneratedRegex(@"/(?<slug>[A-Za-z0-9]+(-[A-Za-z0-9]+){2,})(\.html?|/index\.html|/?$)")]
    private static partial Regex Slug();
}
