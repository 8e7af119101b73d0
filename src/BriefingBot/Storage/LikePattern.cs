namespace BriefingBot.Storage;

/// <summary>A LIKE pattern that matches <c>text</c> anywhere, with the wildcards in it escaped (ESCAPE '\').</summary>
internal static class LikePattern
{
    public static string Contains(string text) =>
        "%" + text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
