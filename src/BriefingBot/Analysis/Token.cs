namespace BriefingBot.Analysis;

/// <summary>A word of a text with its UTF-16 offsets.</summary>
public readonly record struct Token(string Text, int Start, int Length)
{
    public int End => Start + Length;
}
