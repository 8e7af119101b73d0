using System.Text.Json;
using System.Text.RegularExpressions;

namespace BriefingBot.Tests.Analysis;

public sealed record SummaryCase(string Id, string Url, string Article, string[] ArticleLines, string Reference);

/// <summary>The evaluation sets in shared/, which sits beside the repository (or inside a CI clone's parent).</summary>
public static partial class SharedEval
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Path(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var eval = System.IO.Path.Combine(dir.FullName, "shared", "eval");
            if (Directory.Exists(eval))
            {
                return System.IO.Path.Combine([eval, .. parts]);
            }
        }

        throw new DirectoryNotFoundException($"No shared/eval folder above {AppContext.BaseDirectory}.");
    }

    public static IReadOnlyList<SummaryCase> Summaries(string file) =>
        File.ReadLines(Path("summaries", file))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<SummaryCase>(line, Json)!)
            .ToList();

    /// <summary>
    /// The headline as the URL slug spells it ("...article-3023941/Gary-Locke-set-confirmed.html"): the sets carry
    /// no title field, and a summariser is given one in production. Empty when the URL has no slug.
    /// </summary>
    public static string TitleFromUrl(string url)
    {
        var match = Slug().Match(url);
        return match.Success ? match.Groups["slug"].Value.Replace('-', ' ') : "";
    }

    [GeneratedRegex(@"/(?<slug>[A-Za-z0-9]+(-[A-Za-z0-9]+){2,})(\.html?|/index\.html|/?$)")]
    private static partial Regex Slug();
}
