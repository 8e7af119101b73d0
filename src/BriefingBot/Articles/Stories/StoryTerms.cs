using System.Buffers.Binary;
using System.Collections.Frozen;
using System.IO.Hashing;
using System.Text;
using BriefingBot.Analysis;

namespace BriefingBot.Articles.Stories;

/// <summary>
/// What an article is about, for grouping reports of one event: stemmed content words of the title (counted
/// <see cref="TitleWeight"/> times), the lead (counted twice) and the text, plus the named actors (capitalised words
/// inside a sentence, kept apart from the plain words). Terms are 64-bit hashes, weights sub-linear counts
/// (1 + ln count), sorted by term so two vectors meet in one pass.
/// </summary>
public sealed record StoryTerms(long[] Terms, float[] Weights)
{
    public const int TitleWeight = 3;
    public const int LeadWords = 40;

    /// <summary>Words that say nothing about which event a report is about (beyond the function words).</summary>
    private static readonly FrozenSet<string> NewsWords = new[]
    {
        "new", "year", "years", "told", "like", "time", "people", "get", "got", "week", "day", "today", "yesterday", "tomorrow",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "news", "say", "also", "first", "two",
        "would", "could", "us", "mr", "ms", "mrs", "according", "reported", "report", "per", "cent", "percent",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static StoryTerms Empty { get; } = new([], []);

    public int Count => Terms.Length;

    public static StoryTerms From(string title, string text)
    {
        var counts = new Dictionary<long, int>();
        AddWords(counts, title, 0, title.Length, TitleWeight, actors: false);
        var tokens = Tokenizer.Tokenize(text);
        var lead = tokens.Count > LeadWords ? tokens[LeadWords - 1].End : text.Length;
        AddWords(counts, text, 0, lead, 1, actors: true, tokens);
        AddWords(counts, text, 0, text.Length, 1, actors: true, tokens);
        var terms = counts.Keys.ToArray();
        Array.Sort(terms);
        var weights = new float[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            weights[i] = 1f + MathF.Log(counts[terms[i]]);
        }

        return new StoryTerms(terms, weights);
    }

    public static long Hash(string term) => unchecked((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(term)));

    public byte[] ToBytes()
    {
        var bytes = new byte[Terms.Length * 12];
        for (var i = 0; i < Terms.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * 12), Terms[i]);
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan((i * 12) + 8), Weights[i]);
        }

        return bytes;
    }

    public static StoryTerms FromBytes(ReadOnlySpan<byte> bytes)
    {
        var count = bytes.Length / 12;
        var terms = new long[count];
        var weights = new float[count];
        for (var i = 0; i < count; i++)
        {
            terms[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * 12)..]);
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[((i * 12) + 8)..]);
        }

        return new StoryTerms(terms, weights);
    }

    private static void AddWords(
        Dictionary<long, int> counts, string text, int start, int end, int weight, bool actors, IReadOnlyList<Token>? tokens = null)
    {
        tokens ??= Tokenizer.Tokenize(text, start, end - start);
        for (var i = 0; i < tokens.Count && tokens[i].End <= end; i++)
        {
            var token = tokens[i];
            if (!char.IsLetter(token.Text[0]))
            {
                continue;
            }

            var word = Tokenizer.Normalize(token.Text);
            if (word.Length < 3 || StopWords.Contains(word) || NewsWords.Contains(word))
            {
                continue;
            }

            Increment(counts, Hash(Stemmer.Stem(word)), weight);
            if (actors && char.IsUpper(token.Text[0]) && InsideSentence(text, token.Start))
            {
                Increment(counts, Hash("@" + word), weight);
            }
        }
    }

    private static void Increment(Dictionary<long, int> counts, long term, int weight) =>
        counts[term] = counts.GetValueOrDefault(term) + weight;

    // A capital after a sentence end (or at the start of a line) says nothing; inside a sentence it marks a name.
    private static bool InsideSentence(string text, int start)
    {
        for (var i = start - 1; i >= 0; i--)
        {
            var ch = text[i];
            if (ch is '\n' or '.' or '!' or '?' or ':' or '"' or '“' or '‘' or '(' or '—')
            {
                return false;
            }

            if (!char.IsWhiteSpace(ch))
            {
                return true;
            }
        }

        return false;
    }
}
