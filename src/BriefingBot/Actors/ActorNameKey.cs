using System.Globalization;
using System.Text;

namespace BriefingBot.Actors;

/// <summary>How names are compared: lower case, accents off, one space between words, no leading "the".</summary>
public static class ActorNameKey
{
    public static string Of(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(ch) || ch is '-' or '_')
            {
                space = key.Length > 0;
                continue;
            }

            if (space)
            {
                key.Append(' ');
                space = false;
            }

            key.Append(char.ToLowerInvariant(ch));
        }

        var result = key.ToString();
        return result.StartsWith("the ", StringComparison.Ordinal) ? result[4..] : result;
    }
}
