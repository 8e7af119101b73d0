using BriefingBot.Articles;

namespace BriefingBot.Tests.Storage;

/// <summary>Articles with real fingerprints, and long pseudo-random texts for the dedupe tests.</summary>
internal static class TestArticles
{
    private static readonly string[] Vocabulary =
    [
        "minister", "border", "talks", "ceasefire", "election", "parliament", "coalition", "sanctions", "troops", "harbour",
        "drought", "harvest", "pipeline", "refinery", "strike", "union", "court", "verdict", "protest", "capital",
        "province", "governor", "budget", "deficit", "currency", "inflation", "exports", "imports", "treaty", "summit",
        "delegation", "envoy", "spokesman", "statement", "report", "survey", "villagers", "officials", "ministry", "agency",
        "river", "bridge", "railway", "airport", "shipment", "grain", "fuel", "vaccine", "clinic", "school",
        "morning", "evening", "yesterday", "announced", "rejected", "approved", "delayed", "signed", "warned", "denied",
    ];

    public static DateTimeOffset Fetched { get; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static NewArticle Create(
        string title, string text, string? url = null, DateTimeOffset? published = null, DateTimeOffset? fetched = null, string? author = null)
    {
        var normalized = ArticleFingerprint.Normalize(text);
        var link = url ?? $"https://news.example/{Guid.NewGuid():N}";
        return new NewArticle(
            link, link, title, "Example News", author, published, fetched ?? Fetched, "en", text,
            ArticleFingerprint.ContentHash(normalized), ArticleFingerprint.MinHash(normalized));
    }

    /// <summary>
    /// A deterministic text of <paramref name="words"/> words from <paramref name="seed"/>. Every tenth word is one of the
    /// seed's own invented names, so texts of different seeds report different events (a bag of the shared vocabulary
    /// alone would be one topic to story grouping).
    /// </summary>
    public static string LongText(int seed, int words = 400)
    {
        var random = new Random(seed);
        var names = TopicNames(seed);
        return string.Join(' ', Enumerable.Range(0, words).Select(i => i % 10 == 9 ? names[(i / 10) % names.Length] : Vocabulary[random.Next(Vocabulary.Length)]));
    }

    /// <summary>Four invented words (letters only) that only texts of this seed contain.</summary>
    public static string[] TopicNames(int seed)
    {
        string[] syllables = ["ka", "lo", "mir", "ves", "tra", "nu", "zor", "ben", "dal", "ri", "sha", "tep", "qui", "an", "gor", "pel"];
        return [.. Enumerable.Range(0, 4).Select(k =>
        {
            var value = (uint)((seed * 4) + k + 1) * 2654435761u;
            return "z" + string.Concat(Enumerable.Range(0, 5).Select(s => syllables[(value >> (s * 4)) & 15]));
        })];
    }

    /// <summary>The same text with the words at <paramref name="positions"/> replaced.</summary>
    public static string Edit(string text, params int[] positions)
    {
        var words = text.Split(' ');
        foreach (var position in positions)
        {
            words[position] = "altered" + position;
        }

        return string.Join(' ', words);
    }
}
