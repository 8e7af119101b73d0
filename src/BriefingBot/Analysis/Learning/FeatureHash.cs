namespace BriefingBot.Analysis.Learning;

/// <summary>
/// Features as 64-bit FNV-1a hashes of a template number and a value, so that a model is a hash table and
/// extracting a feature allocates nothing. Collisions at 64 bits are negligible for models of this size.
/// </summary>
internal static class FeatureHash
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static ulong Of(int template) => Mix(Offset, template);

    public static ulong Of(int template, ReadOnlySpan<char> value)
    {
        ulong hash = Mix(Offset, template);
        foreach (char c in value)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    public static ulong Of(int template, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        ulong hash = Of(template, first);
        hash = (hash ^ 0xFFFF) * Prime;
        foreach (char c in second)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    public static ulong Of(int template, int value) => Mix(Mix(Offset, template), value);

    public static ulong Of(int template, int value, ReadOnlySpan<char> text)
    {
        ulong hash = Mix(Mix(Offset, template), value);
        foreach (char c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    private static ulong Mix(ulong hash, int value)
    {
        for (int shift = 0; shift < 32; shift += 8)
        {
            hash = (hash ^ (byte)(value >> shift)) * Prime;
        }

        return hash;
    }
}
