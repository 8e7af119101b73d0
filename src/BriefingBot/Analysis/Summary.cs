namespace BriefingBot.Analysis;

/// <summary>A summary of one text: its sentences in document order, each with its offsets in that text.</summary>
public sealed record Summary(IReadOnlyList<Sentence> Sentences)
{
    public static Summary Empty { get; } = new([]);

    public string Text => string.Join(" ", Sentences.Select(s => s.Text));
}

/// <summary>A text of a set to summarise together, such as the articles of one digest section.</summary>
public sealed record SetDocument(long Id, string Title, string Text);

/// <summary>A sentence chosen for a set summary, with the document it comes from.</summary>
public sealed record SetSentence(long DocumentId, Sentence Sentence);

/// <summary>A summary of a set of texts, most salient sentence first, with no fact told twice.</summary>
public sealed record SetSummary(IReadOnlyList<SetSentence> Sentences)
{
    public string Text => string.Join(" ", Sentences.Select(s => s.Sentence.Text));
}
