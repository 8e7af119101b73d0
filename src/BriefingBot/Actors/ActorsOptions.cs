using System.ComponentModel.DataAnnotations;

namespace BriefingBot.Actors;

public sealed class ActorsOptions
{
    public const string Section = "Actors";

    /// <summary>Days the chart on an actor card covers, ending today.</summary>
    [Range(7, 365)]
    public int ChartDays { get; set; } = 30;

    [Range(200, 2000)]
    public int ChartWidth { get; set; } = 800;

    [Range(150, 1000)]
    public int ChartHeight { get; set; } = 300;

    /// <summary>Actors listed under "appears most with".</summary>
    [Range(1, 20)]
    public int CoMentions { get; set; } = 5;

    [Range(1, 10)]
    public int LatestArticles { get; set; } = 5;

    [Range(1, 10)]
    public int LatestDevelopments { get; set; } = 5;

    /// <summary>Memory for built cards and their charts, served until the actor's data changes; 0 builds every card afresh.</summary>
    [Range(0, 4096)]
    public int CardCacheMegabytes { get; set; } = 16;

    /// <summary>
    /// The public address of this worker (e.g. <c>https://bot.example.com/</c>), when Discord and Slack can reach it:
    /// cards then show their chart from <c>GET /charts/actors/...</c> instead of uploading it with every answer.
    /// </summary>
    [Url]
    public string? ChartBaseUrl { get; set; }

    /// <summary>Actors listed by <c>/actors top</c>.</summary>
    [Range(1, 50)]
    public int TopCount { get; set; } = 15;

    /// <summary>The period of <c>/actors top</c> when none is given.</summary>
    [Range(1, 365)]
    public int TopDefaultDays { get; set; } = 7;
}
