using System.Text;
using BriefingBot.Articles;

namespace BriefingBot.Benchmarks;

/// <summary>
/// Deterministic news-like articles: Zipf-distributed words from common English plus invented names,
/// sentences with capitals and punctuation, 300-600 words, with some exact and near duplicates mixed in.
/// </summary>
internal sealed class ArticleGenerator
{
    private static readonly string[] CommonWords = """
        the of and to in a is that for on was with he it as at by from his be are have has had an they which
        not or were this but been their more one also after would there who its first new two other year years
        government minister president said says officials people country state military forces troops border
        talks agreement deal sanctions election vote parliament party leader opposition protest police court
        law security attack strike ceasefire peace war conflict region city capital province village report
        according statement spokesman ministry foreign defence economy economic market prices oil gas energy
        trade exports imports budget tax bank currency inflation growth crisis aid humanitarian refugees camp
        water food drought flood storm earthquake health hospital vaccine outbreak school students workers
        union company companies billion million percent week month today yesterday morning night early late
        announced warned denied confirmed rejected approved signed delayed launched arrested killed injured
        wounded deployed deploy deploying withdrew withdrawal negotiations envoy summit treaty alliance nuclear
        missile drone navy army air soldiers commander general rebels militia insurgents armed group groups
        international national local regional northern southern eastern western central coastal rural urban
        council committee commission agency organisation spokeswoman analysts experts observers residents
        """.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static readonly HashSet<string> FunctionWords =
        ["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "was", "with", "he", "it", "as", "at", "by", "from", "his", "be",
         "are", "have", "has", "had", "an", "they", "which", "not", "or", "were", "this", "but", "been", "their", "more", "one", "also",
         "after", "would", "there", "who", "its", "other"];

    private static readonly string[] Syllables =
        ["ka", "lo", "mir", "ves", "tra", "na", "zu", "ben", "dor", "ri", "sha", "tel", "qu", "an", "gor", "pe", "li", "ham", "ost", "vi", "el", "ma", "ruk", "sen"];

    private readonly Random random;
    private readonly string[] vocabulary;
    private readonly double[] cumulative;
    private readonly List<string> recentTexts = [];
    private int serial;

    public ArticleGenerator(int seed, int inventedWords = 20000)
    {
        random = new Random(seed);
        var invented = new HashSet<string>(StringComparer.Ordinal);
        while (invented.Count < inventedWords)
        {
            var parts = random.Next(2, 5);
            var word = string.Concat(Enumerable.Range(0, parts).Select(_ => Syllables[random.Next(Syllables.Length)]));
            invented.Add(word);
        }

        vocabulary = [.. CommonWords, .. invented];
        cumulative = new double[vocabulary.Length];
        var total = 0.0;
        for (var i = 0; i < vocabulary.Length; i++)
        {
            total += 1.0 / (i + 1);
            cumulative[i] = total;
        }

        for (var i = 0; i < cumulative.Length; i++)
        {
            cumulative[i] /= total;
        }
    }

    /// <summary>A word by Zipf rank: common words often, the long tail rarely.</summary>
    public string Word()
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return vocabulary[index < 0 ? Math.Min(~index, vocabulary.Length - 1) : index];
    }

    /// <summary>The next article, not yet fingerprinted: about 3% exact copies and 5% light rewrites of a recent one.</summary>
    public NewArticle Next(DateTimeOffset fetchedAt)
    {
        serial++;
        var roll = random.NextDouble();
        string text;
        if (roll < 0.03 && recentTexts.Count > 0)
        {
            text = recentTexts[random.Next(recentTexts.Count)];
        }
        else if (roll < 0.08 && recentTexts.Count > 0)
        {
            text = Rewrite(recentTexts[random.Next(recentTexts.Count)]);
        }
        else
        {
            text = Text(random.Next(300, 601));
            if (recentTexts.Count < 200)
            {
                recentTexts.Add(text);
            }
            else
            {
                recentTexts[random.Next(recentTexts.Count)] = text;
            }
        }

        var title = Title();
        var url = $"https://news{serial % 37}.example/{fetchedAt:yyyy/MM/dd}/{serial}";
        return new NewArticle(
            url, url, title, $"Source {serial % 37}", null, fetchedAt.AddHours(-random.Next(0, 48)), fetchedAt, "en", text, string.Empty, []);
    }

    /// <summary>What ingestion does after extraction: the exact and near-duplicate fingerprints.</summary>
    public static NewArticle Fingerprint(NewArticle article)
    {
        var normalized = ArticleFingerprint.Normalize(article.Text);
        return article with { ContentHash = ArticleFingerprint.ContentHash(normalized), MinHash = ArticleFingerprint.MinHash(normalized) };
    }

    /// <summary>A word a user would search for: Zipf-distributed like <see cref="Word"/>, but never a stop word.</summary>
    public string ContentWord()
    {
        while (true)
        {
            var word = Word();
            if (!FunctionWords.Contains(word))
            {
                return word;
            }
        }
    }

    /// <summary>A word from the long tail (few articles contain it).</summary>
    public string RareWord() => vocabulary[random.Next(CommonWords.Length + 1000, vocabulary.Length)];

    public int Next(int maxValue) => random.Next(maxValue);

    private string Title()
    {
        var words = Enumerable.Range(0, random.Next(5, 11)).Select(_ => Word()).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    private string Text(int words)
    {
        var builder = new StringBuilder(words * 8);
        var sentence = 0;
        for (var i = 0; i < words; i++)
        {
            var word = Word();
            if (sentence == 0)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }

            builder.Append(word);
            sentence++;
            if ((sentence >= 8 && random.Next(10) == 0) || sentence > 25)
            {
                builder.Append(random.Next(12) == 0 ? ".\n\n" : ". ");
                sentence = 0;
            }
            else
            {
                builder.Append(random.Next(15) == 0 ? ", " : " ");
            }
        }

        return builder.ToString().TrimEnd() + ".";
    }

    private string Rewrite(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < 2; i++)
        {
            words[random.Next(words.Length)] = Word();
        }

        return string.Join(' ', words);
    }
}
