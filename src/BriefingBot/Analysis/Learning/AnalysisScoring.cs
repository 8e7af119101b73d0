using BriefingBot.Analysis.Actors;

namespace BriefingBot.Analysis.Learning;

/// <summary>Exact-span counts of one entity type (or all of them): precision, recall and F1.</summary>
public sealed class SpanCounts
{
    public int TruePositives { get; private set; }

    public int Predicted { get; private set; }

    public int Gold { get; private set; }

    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(IReadOnlySet<ConllSpan> gold, IReadOnlySet<ConllSpan> predicted)
    {
        TruePositives += gold.Count(predicted.Contains);
        Predicted += predicted.Count;
        Gold += gold.Count;
    }

    public void Merge(SpanCounts other)
    {
        TruePositives += other.TruePositives;
        Predicted += other.Predicted;
        Gold += other.Gold;
    }

    public override string ToString() =>
        $"gold {Gold,5} predicted {Predicted,5} correct {TruePositives,5}  P {Precision:F3} R {Recall:F3} F1 {F1:F3}";
}

/// <summary>CoNLL exact-span scores per type and micro-averaged over all four.</summary>
public sealed record NerScores(IReadOnlyDictionary<string, SpanCounts> ByType, SpanCounts All, int Documents);

/// <summary>Sentence-level binary scores (uncertain or not).</summary>
public sealed record BinaryScores(int Sentences, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() =>
        $"{Sentences} sentences, {TruePositives + FalseNegatives} uncertain; P {Precision:F3} R {Recall:F3} F1 {F1:F3}";
}

/// <summary>Mean ROUGE F1 figures (×100) over a set of articles.</summary>
public sealed record RougeFigures(double Rouge1, double Rouge2, double RougeL, double RougeLSum, int Articles)
{
    public override string ToString() =>
        $"ROUGE-1 {Rouge1:F2}  ROUGE-2 {Rouge2:F2}  ROUGE-L {RougeL:F2}  ROUGE-Lsum {RougeLSum:F2}  ({Articles} articles)";
}

/// <summary>
/// The scoring of the analysis quality bars, one implementation for the tests and the <c>analysis-eval</c> verb:
/// CoNLL-2003 exact spans, Szeged sentence-level uncertainty, ROUGE F1 of summaries against the reference.
/// </summary>
public static class AnalysisScoring
{
    public static readonly IReadOnlyList<string> ConllTypes = ["LOC", "ORG", "PER", "MISC"];

    /// <summary>Our kinds as CoNLL types: places and states are LOC, organisations and media ORG, demonyms MISC.</summary>
    public static string ConllType(ActorMention mention) =>
        mention.Via == "demonym"
            ? "MISC"
            : mention.Kind switch
            {
                ActorKind.State or ActorKind.Territory or ActorKind.Place => "LOC",
                ActorKind.Person => "PER",
                _ => "ORG",
            };

    public static NerScores Conll(IActorRecognizer recognizer, IReadOnlyList<ConllDocument> documents)
    {
        var counts = ConllTypes.ToDictionary(type => type, _ => new SpanCounts());
        foreach (var document in documents)
        {
            var gold = document.Entities.ToHashSet();
            var predicted = recognizer.Recognize(document.Text)
                .Select(mention => new ConllSpan(mention.Start, mention.End, ConllType(mention)))
                .ToHashSet();
            foreach (var type in ConllTypes)
            {
                counts[type].Add(gold.Where(span => span.Type == type).ToHashSet(), predicted.Where(span => span.Type == type).ToHashSet());
            }
        }

        var all = new SpanCounts();
        foreach (var type in ConllTypes)
        {
            all.Merge(counts[type]);
        }

        return new NerScores(counts, all, documents.Count);
    }

    public static BinaryScores Uncertainty(Func<string, bool> isUncertain, IReadOnlyList<SzegedSentence> sentences)
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var sentence in sentences)
        {
            bool predicted = isUncertain(sentence.Text);
            truePositives += predicted && sentence.IsUncertain ? 1 : 0;
            falsePositives += predicted && !sentence.IsUncertain ? 1 : 0;
            falseNegatives += !predicted && sentence.IsUncertain ? 1 : 0;
        }

        return new BinaryScores(sentences.Count, truePositives, falsePositives, falseNegatives);
    }

    public static RougeFigures Summaries(IReadOnlyList<SummaryCase> cases, Func<SummaryCase, IReadOnlyList<string>> summarize)
    {
        double r1 = 0, r2 = 0, rl = 0, rlsum = 0;
        foreach (var c in cases)
        {
            var summary = summarize(c);
            var candidate = string.Join(" ", summary);
            r1 += Rouge.N(candidate, c.Reference, 1).F1;
            r2 += Rouge.N(candidate, c.Reference, 2).F1;
            rl += Rouge.L(candidate, c.Reference).F1;
            rlsum += Rouge.LSum(summary, SentenceSplitter.Split(c.Reference).Select(s => s.Text).ToList()).F1;
        }

        double scale = cases.Count == 0 ? 0 : 100.0 / cases.Count;
        return new RougeFigures(r1 * scale, r2 * scale, rl * scale, rlsum * scale, cases.Count);
    }

    public static IReadOnlyList<string> Lead(SummaryCase c, int count) =>
        SentenceSplitter.Split(c.Article).Take(count).Select(s => s.Text).ToList();

    public static IReadOnlyList<string> Ours(SummaryCase c, int count) =>
        ExtractiveSummarizer.Summarize(c.Title, c.Article, count).Sentences.Select(s => s.Text).ToList();

    internal static IReadOnlyList<string> Ours(SummaryCase c, int count, LogisticModel? model, SummarySelection selection) =>
        ExtractiveSummarizer.Summarize(c.Title, c.Article, count, model, selection).Sentences.Select(s => s.Text).ToList();
}
