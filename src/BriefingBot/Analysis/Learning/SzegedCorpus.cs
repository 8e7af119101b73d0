using System.Text;
using System.Xml;

namespace BriefingBot.Analysis.Learning;

/// <summary>A sentence of the Szeged uncertainty corpus: its text and whether an uncertainty cue is marked in it.</summary>
public sealed record SzegedSentence(string Text, bool IsUncertain)
{
    /// <summary>The file name of the document it belongs to (DocID), which <see cref="EvalSplit"/> hashes.</summary>
    public string Document { get; init; } = "";

    /// <summary>Its place in its document, from 0.</summary>
    public int Index { get; init; }
}

public static class SzegedCorpus
{
    public static IReadOnlyList<SzegedSentence> Read(string path)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var sentences = new List<SzegedSentence>();
        string document = "";
        int index = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.Name.Equals("DocID", StringComparison.OrdinalIgnoreCase))
            {
                document = reader.ReadElementContentAsString().Trim();
                index = 0;
            }
            else if (reader.Name.Equals("sentence", StringComparison.OrdinalIgnoreCase))
            {
                sentences.Add(ReadSentence(reader.ReadSubtree()) with { Document = document, Index = index++ });
            }
        }

        return sentences;
    }

    private static SzegedSentence ReadSentence(XmlReader sentence)
    {
        using (sentence)
        {
            var text = new StringBuilder();
            bool uncertain = false;
            while (sentence.Read())
            {
                switch (sentence.NodeType)
                {
                    case XmlNodeType.Element when sentence.Name == "ccue":
                        uncertain = true;
                        break;
                    case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        text.Append(sentence.Value);
                        break;
                }
            }

            return new SzegedSentence(text.ToString(), uncertain);
        }
    }
}
