namespace BriefingBot.Platforms.Discord.Rendering;

/// <summary>Cuts text into chunks of at most a given length, preferring line breaks, then spaces; nothing is dropped.</summary>
public static class TextSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > maxLength)
        {
            var window = rest[..maxLength];
            var cut = window.LastIndexOf('\n');
            if (cut < maxLength / 2)
            {
                cut = window.LastIndexOf(' ');
            }

            if (cut < maxLength / 2)
            {
                // No good break: cut hard, but never between the halves of a surrogate pair.
                cut = char.IsHighSurrogate(window[^1]) ? maxLength - 1 : maxLength;
            }

            parts.Add(rest[..cut].TrimEnd().ToString());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || parts.Count == 0)
        {
            parts.Add(rest.ToString());
        }

        return parts;
    }
}
