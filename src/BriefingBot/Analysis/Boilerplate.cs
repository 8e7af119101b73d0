using System.Text.RegularExpressions;

namespace BriefingBot.Analysis;

/// <summary>Site furniture that extraction leaves in article text: bylines, time stamps, calls to action.</summary>
internal static partial class Boilerplate
{
    public static bool IsBoilerplate(string sentence) => Byline().IsMatch(sentence) || CallToAction().IsMatch(sentence);

    // Case matters: "By Jane Smith ." is a byline, "By the end of the year." is not.
    [GeneratedRegex(
        @"^\W*(By\s*\.|By\s+[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}\s*(\.|\||$)|(PUBLISHED|UPDATED)\s*:|Last updated\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(
        @"\b(click here|scroll down for|read more\s*:|sign up for|follow (us|@)|share this (article|story)|all rights reserved|copyright\s*(©|\(c\)|\d))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CallToAction();
}
