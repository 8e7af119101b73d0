namespace BriefingBot.Analysis;

/// <summary>A sentence of a text: <see cref="Start"/> and <see cref="Length"/> are UTF-16 offsets into that text.</summary>
public sealed record Sentence(int Index, int Start, int Length, string Text)
{
    public int End => Start + Length;
}
