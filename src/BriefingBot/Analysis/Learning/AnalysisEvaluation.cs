using BriefingBot.Analysis.Actors;

namespace BriefingBot.Analysis.Learning;

/// <summary>
/// The quality figures of the analysis on both parts of every development set (<see cref="EvalSplit"/>): the part
/// the models were trained and tuned on, and the held-out part, scored the same way (<see cref="AnalysisScoring"/>).
/// </summary>
public static class AnalysisEvaluation
{
    public static async Task WriteAsync(string evalRoot, IActorRecognizer recognizer, TextWriter output)
    {
        var conll = ConllCorpus.Read(Path.Combine(evalRoot, "ner", "conll2003-dev.txt"));
        var szeged = SzegedCorpus.Read(Path.Combine(evalRoot, "hedges", "szeged-news-dev.xml"));
        var cnn = SharedEvalData.Summaries(Path.Combine(evalRoot, "summaries", "cnndm-dev.jsonl"));
        foreach (var heldOut in new[] { false, true })
        {
            string part = heldOut ? "held-out" : "tune";
            var ner = AnalysisScoring.Conll(recognizer, EvalSplit.Part(conll, d => d.Id, heldOut));
            await output.WriteLineAsync($"[{part}] actor mentions, CoNLL-2003 dev, {ner.Documents} documents (bars: micro F1 >= 0.75, LOC F1 >= 0.85)");
            foreach (var type in AnalysisScoring.ConllTypes)
            {
                await output.WriteLineAsync($"  {type,-5} {ner.ByType[type]}");
            }

            await output.WriteLineAsync($"  micro {ner.All}");

            var hedges = AnalysisScoring.Uncertainty(HedgeDetector.IsUncertain, EvalSplit.Part(szeged, s => s.Document, heldOut));
            await output.WriteLineAsync($"[{part}] uncertain sentences, Szeged news (bar: F1 >= 0.80): {hedges}");

            var cases = EvalSplit.Part(cnn, c => c.Id, heldOut);
            var lead = AnalysisScoring.Summaries(cases, c => AnalysisScoring.Lead(c, 3));
            var ours = AnalysisScoring.Summaries(cases, c => AnalysisScoring.Ours(c, 3));
            await output.WriteLineAsync($"[{part}] 3-sentence summaries, CNN/DailyMail (bar: beat Lead-3 on ROUGE-1/2/L)");
            await output.WriteLineAsync($"  Lead-3 {lead}");
            await output.WriteLineAsync($"  ours   {ours}");
            await output.WriteLineAsync(
                $"  ours - Lead-3: {ours.Rouge1 - lead.Rouge1:+0.00;-0.00} / {ours.Rouge2 - lead.Rouge2:+0.00;-0.00} / {ours.RougeL - lead.RougeL:+0.00;-0.00} (Lsum {ours.RougeLSum - lead.RougeLSum:+0.00;-0.00})");
        }
    }
}
