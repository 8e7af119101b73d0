using BriefingBot.Analysis.Actors;

namespace BriefingBot.Tests.Analysis.Actors;

public sealed class ConllEvaluationTests(ITestOutputHelper output)
{
    private static readonly string[] Types = ["LOC", "ORG", "PER", "MISC"];

    [Fact]
    public void Recognize_Conll2003Dev_ReachesExactSpanF1Bars()
    {
        var documents = ConllCorpus.Read(SharedEval.Path("ner", "conll2003-dev.txt"));
        var recognizer = new ActorRecognizer(TestCatalog.Instance);
        var counts = Types.ToDictionary(type => type, _ => new SpanCounts());
        foreach (var document in documents)
        {
            var gold = document.Entities.ToHashSet();
            var predicted = recognizer.Recognize(document.Text)
                .Select(mention => new ConllSpan(mention.Start, mention.End, ConllType(mention)))
                .ToHashSet();
            foreach (var type in Types)
            {
                counts[type].Add(gold.Where(span => span.Type == type).ToHashSet(), predicted.Where(span => span.Type == type).ToHashSet());
            }
        }

        var all = new SpanCounts();
        foreach (var type in Types)
        {
            all.Merge(counts[type]);
            output.WriteLine($"{type,-5} {counts[type]}");
        }

        output.WriteLine($"micro {all}");
        Assert.True(documents.Count > 200 && all.Gold > 5000, $"read {documents.Count} documents, {all.Gold} entities");
        Assert.True(counts["LOC"].F1 >= 0.85, $"LOC F1 {counts["LOC"].F1:F3} below 0.85");
        Assert.True(all.F1 >= 0.75, $"micro F1 {all.F1:F3} below 0.75");
    }

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

    private sealed class SpanCounts
    {
        public int TruePositives { get; private set; }

        public int Predicted { get; private set; }

        public int Gold { get; private set; }

        public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

        public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public void Add(HashSet<ConllSpan> gold, HashSet<ConllSpan> predicted)
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
}
