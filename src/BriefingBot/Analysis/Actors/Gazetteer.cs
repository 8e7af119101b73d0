namespace BriefingBot.Analysis.Actors;

/// <summary>A run of words that names a known actor, with every catalogue entry written that way.</summary>
internal sealed record GazetteerMatch(int First, int Count, IReadOnlyList<ActorName> Names)
{
    public int Last => First + Count - 1;
}

/// <summary>
/// A word trie over the catalogue's names: from each word the longest name that matches wins. Keys are lower case;
/// case is then checked against the name as written, so "US" needs capitals and "us" never matches.
/// </summary>
internal sealed class Gazetteer
{
    private readonly Node root = new();

    public Gazetteer(IEnumerable<ActorName> names)
    {
        foreach (var name in names)
        {
            var words = WordScanner.Scan(name.Surface);
            if (words.Length == 0)
            {
                continue;
            }

            var node = root;
            foreach (var word in words)
            {
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Children.TryGetValue(word.Key, out var child))
                {
                    child = new Node();
                    node.Children[word.Key] = child;
                }

                node = child;
            }

            node.Names ??= [];
            if (!node.Names.Exists(existing => existing.Name.Actor == name.Actor && existing.Words.SequenceEqual(words.Select(w => w.Text))))
            {
                node.Names.Add(new Form(name, [.. words.Select(w => w.Text)]));
            }
        }
    }

    /// <summary>The longest name starting at word <paramref name="first"/>, or null.</summary>
    public GazetteerMatch? Match(WordToken[] words, int first, bool caseless)
    {
        var node = root;
        GazetteerMatch? best = null;
        for (int i = first; i < words.Length && node.Children is not null; i++)
        {
            if (i > first && !words[i].JoinsPrevious)
            {
                break;
            }

            if (!node.Children.TryGetValue(words[i].Key, out node))
            {
                break;
            }

            if (node.Names is null)
            {
                continue;
            }

            List<ActorName>? fitting = null;
            foreach (var form in node.Names)
            {
                if (CaseFits(form.Words, words, first, caseless))
                {
                    (fitting ??= []).Add(form.Name);
                }
            }

            if (fitting is not null)
            {
                fitting.Sort((a, b) => Rank(a.Via).CompareTo(Rank(b.Via)));
                best = new GazetteerMatch(first, i - first + 1, fitting);
            }
        }

        return best;
    }

    private static int Rank(string via) => via switch { "name" => 0, "alias" => 1, _ => 2 };

    private static bool CaseFits(string[] written, WordToken[] words, int first, bool caseless)
    {
        for (int k = 0; k < written.Length; k++)
        {
            var expected = written[k];
            var actual = words[first + k];
            bool acronym = expected.Length >= 2 && IsAllUpper(expected);
            if (caseless)
            {
                // In a headline in capitals "US" or "WHO" may be the plain word; only longer names are safe.
                if (acronym && written.Length == 1 && StopWords.Contains(actual.Key))
                {
                    return false;
                }

                continue;
            }

            if (acronym ? !string.Equals(expected, actual.Text, StringComparison.Ordinal) : char.IsUpper(expected[0]) && !actual.IsCapitalised)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllUpper(string word)
    {
        foreach (char c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Form(ActorName Name, string[] Words);

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public List<Form>? Names { get; set; }
    }
}
