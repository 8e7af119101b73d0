using System.Buffers;
using BriefingBot.Analysis.Learning;

namespace BriefingBot.Analysis.Actors;

/// <summary>A tagged span of words (inclusive word indices) and its CoNLL type: LOC, ORG, PER or MISC.</summary>
internal readonly record struct TaggedSpan(int First, int Last, string Type);

/// <summary>
/// Decides which words name something and of which type: BIO tags over <see cref="WordScanner"/> words, chosen
/// left to right by an <see cref="AveragedPerceptron"/> over the word, its shape, prefixes and suffixes,
/// capitalisation and layout, a two-word window either side, the catalogue (<see cref="Gazetteer"/>: which kind of
/// name covers the word), the name cues (titles, given names, organisation and place words), what the document
/// says elsewhere (the word written in lower case), and the tags already chosen. Trained by <see cref="MentionTaggerTrainer"/>.
/// </summary>
internal sealed class MentionTagger(AveragedPerceptron model, Gazetteer gazetteer)
{
    /// <summary>Word tags from the rule pass (<see cref="RecognitionPass"/>) are features too when the model was trained with them.</summary>
    public bool UsesRules { get; init; }

    public static readonly string[] Tags = ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PER", "I-PER", "B-MISC", "I-MISC"];

    public const int FeatureCapacity = 64;

    public AveragedPerceptron Model => model;

    public IReadOnlyList<TaggedSpan> Tag(string text, WordToken[] words, IReadOnlyList<ActorMention>? rules)
    {
        var context = new TaggingContext(text, words, gazetteer, UsesRules ? rules : null);
        var tags = new int[words.Length];
        var features = new ulong[FeatureCapacity];
        Span<float> scores = stackalloc float[Tags.Length];
        for (int i = 0; i < words.Length; i++)
        {
            int count = context.Features(i, tags, features);
            model.Score(features.AsSpan(0, count), scores);
            tags[i] = Best(scores, i == 0 ? 0 : tags[i - 1], words[i]);
        }

        return Spans(tags);
    }

    /// <summary>The best-scoring tag the previous one allows: an I- tag only continues its own type across words a name can span.</summary>
    internal static int Best(ReadOnlySpan<float> scores, int previous, WordToken word)
    {
        int best = 0;
        for (int tag = 1; tag < scores.Length; tag++)
        {
            bool inside = tag % 2 == 0;
            if (inside && (previous == 0 || (previous + 1) / 2 != tag / 2 || !word.JoinsPrevious))
            {
                continue;
            }

            if (scores[tag] > scores[best])
            {
                best = tag;
            }
        }

        return best;
    }

    internal static List<TaggedSpan> Spans(int[] tags)
    {
        var spans = new List<TaggedSpan>();
        for (int i = 0; i < tags.Length; i++)
        {
            if (tags[i] % 2 == 1)
            {
                int last = i;
                while (last + 1 < tags.Length && tags[last + 1] == tags[i] + 1)
                {
                    last++;
                }

                spans.Add(new TaggedSpan(i, last, Tags[tags[i]][2..]));
                i = last;
            }
        }

        return spans;
    }
}

/// <summary>What the features of one text need: its words, headline lines, catalogue matches and document facts.</summary>
internal sealed class TaggingContext
{
    private static readonly SearchValues<char> Brackets = SearchValues.Create("()[]\"“”");

    private readonly string text;
    private readonly WordToken[] words;
    private readonly bool[] caselessLines;
    private readonly int[] gazetteerTag;
    private readonly int[]? ruleTag;
    private readonly int[] runEnd;
    private readonly HashSet<string> lowerCaseKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> midSentenceCapitalKeys = new(StringComparer.Ordinal);

    public TaggingContext(string text, WordToken[] words, Gazetteer gazetteer, IReadOnlyList<ActorMention>? rules)
    {
        this.text = text;
        this.words = words;
        caselessLines = HeadlineLines.Find(text, words);
        gazetteerTag = new int[words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (!word.IsCapitalised && char.IsLetter(word.Text[0]))
            {
                lowerCaseKeys.Add(word.Key);
            }
            else if (word.IsCapitalised && !word.OpensSentence && !caselessLines[word.Line])
            {
                midSentenceCapitalKeys.Add(word.Key);
            }
        }

        for (int i = 0; i < words.Length;)
        {
            var match = gazetteer.Match(words, i, caselessLines[words[i].Line]);
            if (match is null)
            {
                i++;
                continue;
            }

            var name = match.Names[0];
            int kind = 1 + (int)name.Actor.Kind * 4 + (name.Via switch { "name" => 0, "alias" => 1, _ => 2 });
            for (int k = match.First; k <= match.Last; k++)
            {
                gazetteerTag[k] = (k == match.First ? 0 : 1024) + kind + (match.Count > 1 ? 512 : 0);
            }

            i = match.Last + 1;
        }

        if (rules is not null)
        {
            ruleTag = RuleTags(words, rules);
        }

        // The last word of the capitalised run (joined by "of", "for", "and", ...) each word belongs to.
        runEnd = new int[words.Length];
        for (int i = words.Length - 1; i >= 0; i--)
        {
            bool continues = i + 1 < words.Length && words[i + 1].JoinsPrevious && words[i].IsCapitalised
                && (words[i + 1].IsCapitalised || NameCues.Connectors.Contains(words[i + 1].Key) || words[i + 1].Key is "for" or "and");
            runEnd[i] = continues ? runEnd[i + 1] : i;
        }
    }

    /// <summary>Per word: 0 outside the rule pass's mentions, else 1 + 2 × CoNLL type index (+1 inside a name).</summary>
    internal static int[] RuleTags(WordToken[] words, IReadOnlyList<ActorMention> rules)
    {
        var tags = new int[words.Length];
        int w = 0;
        foreach (var mention in rules)
        {
            while (w < words.Length && words[w].Start < mention.Start)
            {
                w++;
            }

            int type = AnalysisScoring.ConllType(mention) switch { "LOC" => 0, "ORG" => 1, "PER" => 2, _ => 3 };
            for (int k = w; k < words.Length && words[k].End <= mention.End; k++)
            {
                tags[k] = 1 + 2 * type + (k == w ? 0 : 1);
            }
        }

        return tags;
    }

    /// <summary>Writes the features of word <paramref name="i"/> given the tags chosen before it; returns how many.</summary>
    public int Features(int i, int[] tags, ulong[] into)
    {
        int n = 0;
        var word = words[i];
        string key = word.Key;
        int previousTag = i > 0 ? tags[i - 1] : -1;
        int previousTag2 = i > 1 ? tags[i - 2] : -1;
        bool caseless = caselessLines[word.Line];

        into[n++] = FeatureHash.Of(0);
        into[n++] = FeatureHash.Of(1, key);
        into[n++] = FeatureHash.Of(2, Shape(word.Text));
        into[n++] = FeatureHash.Of(3, previousTag);
        into[n++] = FeatureHash.Of(4, previousTag * 64 + previousTag2);
        into[n++] = FeatureHash.Of(5, previousTag, key);
        for (int length = 1; length <= 4; length++)
        {
            if (key.Length > length)
            {
                into[n++] = FeatureHash.Of(10 + length, key.AsSpan(0, length));
                into[n++] = FeatureHash.Of(20 + length, key.AsSpan(key.Length - length));
            }
        }

        int layout = (word.IsCapitalised ? 1 : 0) + (word.IsUpper ? 2 : 0) + (word.OpensSentence ? 4 : 0)
            + (caseless ? 8 : 0) + (word.JoinsPrevious ? 16 : 0) + (word.IsPossessive ? 32 : 0) + (word.IsNumber ? 64 : 0);
        into[n++] = FeatureHash.Of(30, layout);
        into[n++] = FeatureHash.Of(31, layout, key);
        into[n++] = FeatureHash.Of(32, Before(i));
        into[n++] = FeatureHash.Of(33, After(i));
        into[n++] = FeatureHash.Of(34, (lowerCaseKeys.Contains(key) ? 1 : 0) + (midSentenceCapitalKeys.Contains(key) ? 2 : 0) + (word.IsCapitalised ? 4 : 0) + (caseless ? 8 : 0));

        int gaz = gazetteerTag[i];
        into[n++] = FeatureHash.Of(40, gaz);
        into[n++] = FeatureHash.Of(41, gaz, Shape(word.Text));
        into[n++] = FeatureHash.Of(42, gaz * 64 + previousTag);
        into[n++] = FeatureHash.Of(43, (i > 0 ? gazetteerTag[i - 1] : -1) * 4096 + gaz);
        into[n++] = FeatureHash.Of(44, (i + 1 < words.Length ? gazetteerTag[i + 1] : -1) * 4096 + gaz);

        if (ruleTag is not null)
        {
            into[n++] = FeatureHash.Of(45, ruleTag[i]);
            into[n++] = FeatureHash.Of(46, ruleTag[i] * 64 + (i > 0 ? ruleTag[i - 1] : -1));
            into[n++] = FeatureHash.Of(47, ruleTag[i] * 64 + (i + 1 < words.Length ? ruleTag[i + 1] : -1));
            into[n++] = FeatureHash.Of(48, ruleTag[i] * 64 + previousTag);
        }

        int cues = (GivenNames.Contains(key) ? 1 : 0) + (NameCues.Titles.Contains(key.TrimEnd('.')) ? 2 : 0)
            + (NameCues.OrganisationEnds.Contains(key) ? 4 : 0) + (NameCues.OrganisationStarts.Contains(key) ? 8 : 0)
            + (NameCues.PlaceWords.Contains(key) ? 16 : 0) + (NameCues.MiscWords.Contains(key) ? 32 : 0)
            + (NameCues.Calendar.Contains(key) ? 64 : 0) + (StopWords.Contains(key) ? 128 : 0);
        into[n++] = FeatureHash.Of(50, cues);
        if (runEnd[i] > i)
        {
            var end = words[runEnd[i]];
            int endCues = (NameCues.OrganisationEnds.Contains(end.Key) ? 1 : 0) + (NameCues.PlaceWords.Contains(end.Key) ? 2 : 0)
                + (NameCues.MiscWords.Contains(end.Key) ? 4 : 0) + (NameCues.Titles.Contains(end.Key) ? 8 : 0);
            into[n++] = FeatureHash.Of(51, endCues);
            into[n++] = FeatureHash.Of(52, end.Key);
            into[n++] = FeatureHash.Of(53, Math.Min(runEnd[i] - i, 4));
        }

        for (int offset = -2; offset <= 2; offset++)
        {
            if (offset == 0)
            {
                continue;
            }

            int j = i + offset;
            if (j < 0 || j >= words.Length)
            {
                into[n++] = FeatureHash.Of(60 + offset, "<edge>");
                continue;
            }

            var other = words[j];
            into[n++] = FeatureHash.Of(60 + offset, other.Key);
            if (offset is -1 or 1)
            {
                into[n++] = FeatureHash.Of(70 + offset, Shape(other.Text));
                into[n++] = FeatureHash.Of(80 + offset, gazetteerTag[j]);
                int otherCues = (NameCues.Titles.Contains(other.Key.TrimEnd('.')) ? 1 : 0) + (NameCues.OrganisationEnds.Contains(other.Key) ? 2 : 0)
                    + (NameCues.PlaceWords.Contains(other.Key) ? 4 : 0) + (GivenNames.Contains(other.Key) ? 8 : 0)
                    + (NameCues.SpeechVerbs.Contains(other.Key) ? 16 : 0) + (NameCues.PlacePrepositions.Contains(other.Key) ? 32 : 0);
                into[n++] = FeatureHash.Of(90 + offset, otherCues);
                into[n++] = FeatureHash.Of(100 + offset, other.Key, key);
            }
        }

        return n;
    }

    /// <summary>The visible character before the word ("," "(" "-"), or a line break, or nothing.</summary>
    private string Before(int i)
    {
        int from = i == 0 ? 0 : words[i - 1].End;
        for (int k = words[i].Start - 1; k >= from; k--)
        {
            char c = text[k];
            if (c == '\n')
            {
                return "\\n";
            }

            if (!char.IsWhiteSpace(c))
            {
                return Brackets.Contains(c) ? "(" : c.ToString();
            }
        }

        return from == 0 && i == 0 ? "^" : " ";
    }

    private string After(int i)
    {
        int to = i + 1 < words.Length ? words[i + 1].Start : text.Length;
        for (int k = words[i].End; k < to; k++)
        {
            char c = text[k];
            if (c == '\n')
            {
                return "\\n";
            }

            if (!char.IsWhiteSpace(c) && c != '\'' && c != '’' && c != 's')
            {
                return Brackets.Contains(c) ? ")" : c.ToString();
            }
        }

        return to == text.Length ? "$" : " ";
    }

    /// <summary>"Xx", "X", "x", "d", "X.", "x-x": letters by case, digits, other characters kept, runs collapsed.</summary>
    internal static string Shape(string word)
    {
        Span<char> shape = stackalloc char[Math.Min(word.Length, 16)];
        int n = 0;
        foreach (char c in word)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if ((n == 0 || shape[n - 1] != s) && n < shape.Length)
            {
                shape[n++] = s;
            }
        }

        return new string(shape[..n]);
    }
}
