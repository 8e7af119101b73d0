using System.Collections.Frozen;

namespace BriefingBot.Analysis;

/// <summary>
/// Hedge cues and the probability each expresses. Probabilities are the median readings in the CAPphrase
/// survey of 5,174 people (shared/eval/wep/absolute_judgements.csv), taking for each cue the survey phrase
/// it is closest to: "may/might/could" read as "May/Might/Could Happen" (40%), "likely" and "expected" as
/// "Likely" (75%), "possible" and "reportedly" as "Realistic Possibility" (60%), a condition or an open
/// question as "About Even" (50%), "unlikely" as "Unlikely" (20%).
/// </summary>
internal static class HedgeLexicon
{
    public const double Happen = 0.40;
    public const double AboutEven = 0.50;
    public const double RealisticPossibility = 0.60;
    public const double Likely = 0.75;
    public const double HighlyLikely = 0.90;
    public const double AlmostCertain = 0.95;
    public const double Unlikely = 0.20;
    public const double HighlyUnlikely = 0.05;

    public sealed record Entry(string[] Words, HedgeKind Kind, double Probability);

    /// <summary>Entries by their first word, longest phrase first.</summary>
    public static FrozenDictionary<string, Entry[]> ByFirstWord { get; } = Build();

    private static FrozenDictionary<string, Entry[]> Build()
    {
        var entries = new List<Entry>();
        void Add(HedgeKind kind, double probability, params string[] phrases) =>
            entries.AddRange(phrases.Select(p => new Entry(p.Split(' '), kind, probability)));

        Add(HedgeKind.Modal, Happen, "may", "might", "could", "perhaps", "maybe", "possibly", "potentially", "potential");
        Add(HedgeKind.Modal, RealisticPossibility, "would", "should", "possible", "possibility", "possibilities");
        Add(HedgeKind.Probability, Likely, "likely", "probably", "probable", "likelihood", "in all likelihood", "chances are");
        Add(HedgeKind.Probability, HighlyLikely, "highly likely", "very likely", "most likely");
        Add(HedgeKind.Probability, AlmostCertain, "almost certain", "almost certainly", "virtually certain");
        Add(HedgeKind.Probability, Unlikely, "unlikely", "improbable", "doubtful", "little chance");
        Add(HedgeKind.Probability, HighlyUnlikely, "highly unlikely", "very unlikely", "remote chance", "almost no chance");
        Add(HedgeKind.Expectation, Likely,
            "expect", "expects", "expected", "expecting", "expectation", "expectations", "anticipate", "anticipates",
            "anticipated", "predict", "predicts", "predicted", "forecast", "forecasts", "projected", "estimated",
            "as early as");
        Add(HedgeKind.Belief, Likely,
            "think", "thinks", "thought", "believe", "believes", "believed", "suspect", "suspects", "suspected",
            "assume", "assumes", "assumed", "assumption", "presumably", "presumption", "seem", "seems", "seemed",
            "seemingly", "appear", "appears", "appeared", "apparently", "suggest", "suggests", "suggested",
            "suggesting", "indicate", "indicates", "indicated", "imply", "implies", "feels", "wonders", "worry", "worries");
        Add(HedgeKind.Condition, AboutEven,
            "if", "unless", "until", "whether", "remains to be seen", "not clear", "unclear", "no assurance",
            "raise questions", "raises questions", "cast doubt", "tentative", "tentatively");
        Add(HedgeKind.Hearsay, RealisticPossibility,
            "reportedly", "allegedly", "alleged", "alleging", "accused", "purportedly", "purported", "rumoured", "rumored",
            "unconfirmed", "unverified");
        Add(HedgeKind.Intention, Likely,
            "plans to", "planning to", "planned to", "intends to", "intend to", "aims to", "is considering",
            "are considering", "was considering", "were considering", "considering", "mulling", "weighing");
        Add(HedgeKind.Attribution, AboutEven, "according to", "citing", "cited", "sources said", "sources say");

        return entries
            .GroupBy(e => e.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Words.Length).ToArray(), StringComparer.Ordinal);
    }
}
