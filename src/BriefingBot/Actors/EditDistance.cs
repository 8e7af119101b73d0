namespace BriefingBot.Actors;

/// <summary>Optimal string alignment distance (Levenshtein plus adjacent swaps), bounded so a miss costs little.</summary>
internal static class EditDistance
{
    /// <summary>
    /// Whether <paramref name="typed"/> is within <paramref name="allowed"/> edits of <paramref name="name"/> or of one
    /// of its prefixes (a name still being typed).
    /// </summary>
    public static bool WithinPrefix(string typed, string name, int allowed)
    {
        if (name.Length < typed.Length - allowed)
        {
            return false;
        }

        var columns = Math.Min(name.Length, typed.Length + allowed);
        Span<int> before = stackalloc int[columns + 1];
        Span<int> previous = stackalloc int[columns + 1];
        Span<int> current = stackalloc int[columns + 1];
        for (var j = 0; j <= columns; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= typed.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= columns; j++)
            {
                var cost = typed[i - 1] == name[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && typed[i - 1] == name[j - 2] && typed[i - 2] == name[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > allowed)
            {
                return false;
            }

            var recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }

        // The typed text may stop anywhere in the name: the best cell of the last row counts.
        var best = int.MaxValue;
        for (var j = 0; j <= columns; j++)
        {
            best = Math.Min(best, previous[j]);
        }

        return best <= allowed;
    }
}
