using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using BriefingBot.Analysis.Actors;
using BriefingBot.Analysis.Developments;

namespace BriefingBot.Analysis;

/// <summary>One line of <c>analyze --json</c>: offsets are UTF-16 offsets into the article body.</summary>
internal sealed record AnalyzedArticleJson(
    string File,
    string Title,
    IReadOnlyList<string> Summary,
    IReadOnlyList<MentionJson> Mentions,
    IReadOnlyList<HedgeJson> Hedges,
    IReadOnlyList<DevelopmentJson> Developments)
{
    public static AnalyzedArticleJson From(string file, string title, Summary summary, DevelopmentAnalysis analysis) => new(
        file,
        title,
        summary.Sentences.Select(s => s.Text).ToList(),
        analysis.Mentions.Select(m => new MentionJson(m.Surface, m.Start, m.End, m.Actor?.Name, Kind(m.Kind))).ToList(),
        analysis.Hedges.Select(h => new HedgeJson(h.Start, h.End, CueTexts(h.Cues), h.Probability)).ToList(),
        analysis.Developments.Select(DevelopmentJson.From).ToList());

    public static string Kind(ActorKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static List<string> CueTexts(IReadOnlyList<HedgeCue> cues) =>
        cues.Where(c => c.Kind != HedgeKind.Attribution).Select(c => c.Text).ToList();
}

internal sealed record MentionJson(string Text, int Start, int End, string? Actor, string Kind);

internal sealed record HedgeJson(int Start, int End, IReadOnlyList<string> Cues, double Strength);

internal sealed record WindowJson(DateOnly From, DateOnly To);

internal sealed record DevelopmentJson(
    int Start,
    int End,
    string Claim,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Cues,
    double Strength,
    IReadOnlyList<string> Attribution,
    WindowJson? Window,
    string Question,
    DateOnly ResolveBy,
    bool Pollable)
{
    public static DevelopmentJson From(ReportedDevelopment d) => new(
        d.Start,
        d.End,
        d.Claim,
        d.Actors.Select(a => a.Name).ToList(),
        d.Cues,
        d.Strength,
        d.Attribution.Select(l => l.Text).ToList(),
        d.Window is { } w ? new WindowJson(w.From, w.To) : null,
        d.Question,
        d.ResolveBy,
        d.Pollable);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AnalyzedArticleJson))]
internal sealed partial class AnalyzeJsonContext : JsonSerializerContext
{
    /// <summary>Letters of every script as they are ("Pyongyang’s", "Zelensky"), markup characters still escaped.</summary>
    public static AnalyzeJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
