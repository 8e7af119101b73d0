using BriefingBot.Analysis.Actors;

namespace BriefingBot.Analysis.Developments;

/// <summary>What the analysis finds in one article body: hedged sentences, actor mentions and reported developments.</summary>
public sealed record DevelopmentAnalysis(
    IReadOnlyList<Hedge> Hedges,
    IReadOnlyList<ActorMention> Mentions,
    IReadOnlyList<ReportedDevelopment> Developments);
