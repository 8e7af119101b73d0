using System.Globalization;
using System.Text;
using BriefingBot.Actors;

namespace BriefingBot.Follows;

/// <summary>
/// What a typed target means: an actor of the catalogue when a name, alias or demonym reaches one (<c>Pyongyang</c> is
/// North Korea), else a keyword matched as whole words, case-insensitively, in an article's title and text.
/// </summary>
public sealed class FollowTargets(ActorDirectory directory)
{
    public const int MinKeywordLength = 2;
    public const int MaxKeywordLength = 80;

    /// <summary>The target, how it was reached (<c>Pyongyang</c> for an alias), or an error to show.</summary>
    public (FollowTarget? Target, string? Alias, string? Error) Resolve(string text)
    {
        var typed = Normalize(text);
        if (directory.Find(typed) is { } match)
        {
            return (new FollowTarget(FollowTargetKind.Actor, match.Actor.Id, match.Actor.Name), match.ThroughAlias ? match.MatchedName : null, null);
        }

        if (typed.Length is < MinKeywordLength or > MaxKeywordLength || !typed.Any(char.IsLetterOrDigit))
        {
            return (null, null, $"A follow is an actor (North Korea, Pyongyang) or a keyword of {MinKeywordLength} to {MaxKeywordLength} characters, not \"{typed}\".");
        }

        return (new FollowTarget(FollowTargetKind.Keyword, typed.ToLower(CultureInfo.InvariantCulture), typed), null, null);
    }

    /// <summary>One line, single spaces, no control characters.</summary>
    public static string Normalize(string text) =>
        string.Join(' ', new string([.. text.Where(c => !char.IsControl(c))]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>True when <paramref name="keyword"/> (lower case) occurs in <paramref name="text"/> as whole words.</summary>
    public static bool Contains(string text, string keyword)
    {
        if (keyword.Length == 0)
        {
            return false;
        }

        var folded = Fold(text);
        var wanted = Fold(keyword);
        for (var at = folded.IndexOf(wanted, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(wanted, at + 1, StringComparison.Ordinal))
        {
            var end = at + wanted.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(folded[at - 1]);
            var endsWord = end == folded.Length || !char.IsLetterOrDigit(folded[end]);
            if (startsWord && endsWord)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lower case with runs of white space as one space, so "North  Korea" and a line break match "north korea".</summary>
    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString();
    }
}
