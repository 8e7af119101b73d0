using System.Globalization;
using System.Text;

namespace BriefingBot.Analysis.Learning;

/// <summary>A labelled span: character offsets into a document's text and a CoNLL type (LOC, ORG, PER, MISC).</summary>
public sealed record ConllSpan(int Start, int End, string Type);

/// <summary>
/// One CoNLL document rebuilt as text: words joined by spaces, one sentence a line, with its gold spans.
/// <see cref="Id"/> is its place in the file ("conll-0", "conll-1", ...), which <see cref="EvalSplit"/> hashes.
/// </summary>
public sealed record ConllDocument(string Id, string Text, IReadOnlyList<ConllSpan> Entities);

/// <summary>Reads CoNLL-2003 files (word, POS, chunk, IOB2 tag a line; blank lines between sentences).</summary>
public static class ConllCorpus
{
    public static IReadOnlyList<ConllDocument> Read(string path)
    {
        var documents = new List<ConllDocument>();
        var text = new StringBuilder();
        var entities = new List<ConllSpan>();
        int entityStart = -1, entityEnd = -1;
        string? entityType = null;
        bool lineOpen = false;

        void CloseEntity()
        {
            if (entityType is not null)
            {
                entities.Add(new ConllSpan(entityStart, entityEnd, entityType));
                entityType = null;
            }
        }

        void CloseDocument()
        {
            CloseEntity();
            if (text.Length > 0)
            {
                documents.Add(new ConllDocument("conll-" + documents.Count.ToString(CultureInfo.InvariantCulture), text.ToString(), [.. entities]));
            }

            text.Clear();
            entities.Clear();
            lineOpen = false;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                CloseDocument();
                continue;
            }

            if (line.Length == 0)
            {
                CloseEntity();
                if (lineOpen)
                {
                    text.Append('\n');
                    lineOpen = false;
                }

                continue;
            }

            var fields = line.Split(' ');
            string word = fields[0], tag = fields[^1];
            if (lineOpen)
            {
                text.Append(' ');
            }

            int start = text.Length;
            text.Append(word);
            lineOpen = true;
            if (tag.StartsWith("I-", StringComparison.Ordinal) && entityType == tag[2..])
            {
                entityEnd = text.Length;
                continue;
            }

            CloseEntity();
            if (tag.Length > 2)
            {
                (entityStart, entityEnd, entityType) = (start, text.Length, tag[2..]);
            }
        }

        CloseDocument();
        return documents;
    }
}
