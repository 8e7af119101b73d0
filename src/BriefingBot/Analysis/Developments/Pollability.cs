using System.Collections.Frozen;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// Whether a development makes a poll a forecaster could settle: its question asks whether a named actor (the
/// subject is one of the development's actors, not "the move" or "diplomatic efforts") does something observable
/// (the verb is an action: deploy, send, take part, supply, sign, attack, ...; not "mark an escalation", "provide
/// an advantage", "redefine its role"), by a checkable day (the question's resolve-by, from the reported window
/// when there is one). The rest stay reported claims.
/// </summary>
public static class Pollability
{
    /// <summary>Verbs of concrete, observable action: someone could see whether it happened.</summary>
    private static readonly FrozenSet<string> ActionVerbs = new[]
    {
        "deploy", "send", "dispatch", "take", "supply", "ship", "deliver", "transfer", "sell", "buy",
        "sign", "ratify", "launch", "fire", "test", "attack", "strike", "invade", "enter", "cross", "seize", "capture",
        "annex", "occupy", "withdraw", "pull", "evacuate", "station", "build", "open", "close", "join", "leave", "hold",
        "meet", "visit", "host", "announce", "declare", "impose", "lift", "ban", "expel", "arrest", "release", "recognise",
        "recognize", "approve", "adopt", "pass", "raise", "cut", "resume", "suspend", "halt", "end", "begin", "start",
        "mobilise", "mobilize", "conscript", "train", "arm", "fund", "hand", "return", "restore", "shoot", "bomb",
        "detonate", "conduct", "carry", "stage", "win", "lose", "elect", "appoint", "resign", "vote", "default", "devalue",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsPollable(ReportedDevelopment development)
    {
        var body = QuestionBody(development.Question);
        if (body is null)
        {
            return false;
        }

        foreach (var actor in development.Actors.OrderByDescending(a => a.Name.Length))
        {
            var rest = AfterSubject(body, actor.Name);
            if (rest is null)
            {
                continue;
            }

            int space = rest.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? rest : rest[..space]).ToLowerInvariant();
            return ActionVerbs.Contains(verb);
        }

        return false;
    }

    /// <summary>The question without "Will " and " by {date}?" (or "?"): "North Korea deploy more troops to Russia".</summary>
    internal static string? QuestionBody(string question)
    {
        if (!question.StartsWith("Will ", StringComparison.Ordinal))
        {
            return null;
        }

        // The end date is the development's resolve-by; a question may spell it (" by 31 August 2026?") or not.
        int by = question.LastIndexOf(" by ", StringComparison.Ordinal);
        var body = by > 5 ? question[5..by] : question[5..].TrimEnd('?', ' ');
        return body.Length > 0 ? body : null;
    }

    // "North Korea deploy ..." or "the United States send ..." after the name; a possessive ("North Korea’s role") is no subject.
    private static string? AfterSubject(string body, string name)
    {
        var subject = body.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("the ", StringComparison.OrdinalIgnoreCase)
            ? body[4..]
            : body;
        if (!subject.StartsWith(name, StringComparison.OrdinalIgnoreCase) || subject.Length <= name.Length || subject[name.Length] != ' ')
        {
            return null;
        }

        return subject[(name.Length + 1)..];
    }
}
