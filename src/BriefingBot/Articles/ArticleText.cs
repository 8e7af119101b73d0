using System.Globalization;

namespace BriefingBot.Articles;

/// <summary>Small formatting helpers shared by the article commands.</summary>
public static class ArticleText
{
    public static string Date(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    public static bool IsWebUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text on one line: runs of white space (paragraph breaks included) become one space.</summary>
    public static string SingleLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The start of a text, cut at a word boundary, with an ellipsis when cut.</summary>
    public static string Opening(string text, int maxLength)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', maxLength);
        return trimmed[..(cut > maxLength / 2 ? cut : maxLength)].TrimEnd() + " …";
    }
}
