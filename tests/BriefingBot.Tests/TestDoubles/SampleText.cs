namespace BriefingBot.Tests.TestDoubles;

/// <summary>Distinct, deterministic article-like text: the same seed gives the same text, different seeds differ.</summary>
public static class SampleText
{
    private static readonly string[] Words =
    [
        "ministers", "agreed", "border", "talks", "resumed", "after", "weeks", "of", "shelling", "near", "the", "river",
        "officials", "said", "ceasefire", "monitors", "reported", "convoy", "grain", "exports", "sanctions", "parliament",
        "voted", "election", "opposition", "protest", "capital", "drone", "strike", "harbour", "envoy", "summit", "treaty",
        "inflation", "currency", "central", "bank", "refugees", "crossing", "aid", "agency", "warned", "shortages", "winter",
        "troops", "withdrew", "province", "governor", "denied", "claims", "satellite", "images", "showed", "damage",
    ];

    public static string Paragraphs(int seed, int paragraphs = 3, int wordsPerParagraph = 60)
    {
        var random = new Random(seed);
        return string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(_ =>
            string.Join(' ', Enumerable.Range(0, wordsPerParagraph).Select(_ => Words[random.Next(Words.Length)])) + "."));
    }

    public static string Html(int seed, string title) =>
        $"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>{title}</title>
          <meta property="og:site_name" content="Test Herald">
          <meta name="author" content="Ada Reporter">
          <meta property="article:published_time" content="2026-11-20T08:30:00Z">
        </head>
        <body>
          <nav><a href="/">Home</a> <a href="/world">World</a></nav>
          <article>
            <h1>{title}</h1>
            {string.Concat(Paragraphs(seed).Split("\n\n").Select(p => $"<p>{p}</p>\n"))}
          </article>
          <footer>Copyright Test Herald</footer>
        </body>
        </html>
        """;
}
