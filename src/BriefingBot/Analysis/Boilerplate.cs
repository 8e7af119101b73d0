using System.Text.RegularExpressions;

namespace BriefingBot.Analysis;

/// <summary>Site furniture that extraction leaves in article text: bylines, time stamps, calls to action.</summary>
internal static partial class Boilerplate
{
    public static bool IsBoilerplate(string sentence) => Pattern().IsMatch(sentence);

    [GeneratedRegex(
        @"^\s*(By\s*\.|By\s+[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}\s*(\.|$|\|)|PUBLISHED\s*:|UPDATED\s*:|Last updated\b)" +
        @"|\b(Click here|Scroll down for|Read more\s*:|Sign up for|Follow (us|@)|Share this (article|story)|All rights reserved|Copyright\s*(©|\(c\)|\d))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
