using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace BriefingBot.Analysis.Developments;

/// <summary>
/// The word rules that turn a hedged clause into a plain claim: the verbs that open an event, the nouns that name
/// one ("the deployment of" → "deploy"), the intention frames to look through ("be considering"), the stative
/// verbs that make a judgement rather than an event ("would represent"), and a few synonyms so that claims
/// worded differently compare equal ("additional military personnel" → "more troops").
/// </summary>
internal static partial class ClaimWords
{
    public static FrozenSet<string> Modals { get; } = new[]
    {
        "may", "might", "could", "would", "should", "can",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Auxiliaries { get; } = new[]
    {
        "is", "are", "was", "were", "has", "have", "had", "will", "be", "being", "been",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> ClauseOpeners { get; } = new[]
    {
        "that", "whether", "which", "who", "as", "though", "although", "because", "while", "whereas", "but", "if", "when",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> ClauseClosers { get; } = new[]
    {
        "which", "while", "though", "although", "whereas", "because", "unless", "if", "amid", "before", "after", "until",
        "once", "when",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> Pronouns { get; } = new[]
    {
        "it", "they", "this", "that", "these", "those", "which", "who", "he", "she", "we", "there",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that judge or describe rather than report something that may happen.</summary>
    public static FrozenSet<string> Stative { get; } = new[]
    {
        "be", "have", "remain", "seem", "appear", "represent", "reflect", "align", "mean", "signal", "underscore",
        "highlight", "serve", "indicate", "suggest", "require", "depend", "need", "not", "never", "well", "also", "rather",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenDictionary<string, string> Nominalisations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["deployment"] = "deploy", ["dispatch"] = "dispatch", ["sending"] = "send", ["supply"] = "supply",
        ["delivery"] = "deliver", ["transfer"] = "transfer", ["shipment"] = "ship", ["withdrawal"] = "withdraw",
        ["invasion"] = "invade", ["annexation"] = "annex", ["launch"] = "launch", ["test"] = "test", ["sale"] = "sell",
        ["purchase"] = "buy", ["construction"] = "build", ["visit"] = "visit", ["use"] = "use", ["imposition"] = "impose",
        ["expansion"] = "expand", ["recognition"] = "recognise", ["resumption"] = "resume", ["suspension"] = "suspend",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> IrregularGerunds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["making"] = "make", ["taking"] = "take", ["giving"] = "give", ["having"] = "have", ["moving"] = "move",
        ["providing"] = "provide", ["preparing"] = "prepare", ["using"] = "use", ["raising"] = "raise",
        ["becoming"] = "become", ["leaving"] = "leave", ["closing"] = "close", ["coming"] = "come", ["writing"] = "write",
        ["driving"] = "drive", ["increasing"] = "increase", ["reducing"] = "reduce", ["releasing"] = "release",
        ["imposing"] = "impose", ["pursuing"] = "pursue", ["continuing"] = "continue", ["ceasing"] = "cease",
        ["seizing"] = "seize", ["securing"] = "secure", ["sharing"] = "share", ["hosting"] = "host",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>"sending" → "send", "supplying" → "supply", "escalating" → "escalate", "running" → "run".</summary>
    public static string BaseForm(string gerund)
    {
        if (IrregularGerunds.TryGetValue(gerund, out var irregular))
        {
            return irregular;
        }

        if (gerund.Length < 6 || !gerund.EndsWith("ing", StringComparison.Ordinal))
        {
            return gerund;
        }

        var stem = gerund[..^3];
        if (stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'f'))
        {
            return stem[..^1];
        }

        return stem.EndsWith("at", StringComparison.Ordinal) || stem[^1] is 'v' or 'z' or 'c' ? stem + "e" : stem;
    }

    /// <summary>Opens the predicate after the modal: drops "also", intention frames and "be" before a gerund; turns a named event into its verb.</summary>
    public static string OpenPredicate(string predicate)
    {
        string previous;
        do
        {
            previous = predicate;
            predicate = LeadingFiller().Replace(predicate, "", 1);
        }
        while (predicate != previous);

        var nominal = Nominal().Match(predicate);
        if (nominal.Success && Nominalisations.TryGetValue(nominal.Groups["n"].Value.ToLowerInvariant(), out var verb))
        {
            return verb + " " + predicate[nominal.Length..];
        }

        var first = FirstWord().Match(predicate);
        return first.Success && first.Value.EndsWith("ing", StringComparison.Ordinal)
            ? BaseForm(first.Value.ToLowerInvariant()) + predicate[first.Length..]
            : predicate;
    }

    /// <summary>Wording that does not change the claim, made the same: "additional"/"further" → "more", "military personnel"/"soldiers" → "troops".</summary>
    public static string Synonyms(string claim)
    {
        claim = MoreWords().Replace(claim, "more");
        return TroopWords().Replace(claim, "troops");
    }

    [GeneratedRegex("^(?:also|still|soon|even|now|eventually|then|(?:be|are|is)(?=\\s+\\w+ing\\b)|(?:be\\s+)?(?:considering|planning\\s+to|preparing\\s+to|poised\\s+to|ready\\s+to|willing\\s+to|looking\\s+to|weighing)|consider|plan\\s+to|seek\\s+to|try\\s+to|decide\\s+to|choose\\s+to|want\\s+to|prepare\\s+to|to)\\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingFiller();

    [GeneratedRegex("^(?:the\\s+|a\\s+|an\\s+)?(?<n>\\w+)\\s+of\\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Nominal();

    [GeneratedRegex("^\\w+")]
    private static partial Regex FirstWord();

    [GeneratedRegex("\\b(?:additional|further)\\b(?=\\s+(?:\\w+s\\b|personnel\\b|military\\b|aid\\b|equipment\\b|ammunition\\b|weaponry\\b))")]
    private static partial Regex MoreWords();

    [GeneratedRegex("\\b(?:military\\s+personnel|soldiers|servicemen)\\b")]
    private static partial Regex TroopWords();
}
