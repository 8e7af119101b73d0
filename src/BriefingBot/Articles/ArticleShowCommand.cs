using System.Globalization;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles;

/// <summary>
/// <c>/article show &lt;id&gt;</c>: one article with its summary, actors and reported developments, and the other
/// sources of its story. Hedges, actors and developments come from the stored analysis when the background analysis has
/// done the article, else they are computed on demand (about a millisecond an article); the summary is always computed.
/// </summary>
public sealed class ArticleShowCommand(
    IArticleStore store, IAnalysisStore analyses, ISummarizer summarizer, DevelopmentExtractor developments) : ICommand
{
    private const int SummarySentences = 3;
    private const int MaxDevelopments = 5;
    private const int MaxActors = 12;

    public CommandDefinition Definition { get; } = new("article show", "Show one stored article: summary, actors and reported developments",
        [new CommandOption("id", "The article number, as shown by /article list or search", OptionType.Integer, Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var id = invocation.Options.GetInteger("id")!.Value;
        var article = await store.GetAsync(id, ArticleVisibility.TenantOf(invocation.Context), cancellationToken);
        if (article is null)
        {
            return ChatReply.Error($"No article #{id}. Try /article list.");
        }

        var summary = await summarizer.SummarizeAsync(article.Title, article.Text, SummarySentences, cancellationToken);
        var stored = await analyses.GetAnalysisAsync(article.Id, cancellationToken);
        var analysis = stored ?? developments.Analyze(article);
        var story = await store.ListStoryAsync(article.StoryId, ArticleVisibility.TenantOf(invocation.Context), cancellationToken);
        var others = story.Where(a => a.Id != article.Id).ToList();

        var sections = new List<ReplySection>
        {
            new(article.Title, summary.Sentences.Count > 0 ? summary.Text : ArticleText.Opening(article.Text, 500))
            {
                Fields =
                [
                    new ReplyField("Source", article.Source, Inline: true),
                    new ReplyField("Published", ArticleText.Date(article.PublishedAt ?? article.FetchedAt), Inline: true),
                    .. article.Author is null ? Array.Empty<ReplyField>() : [new ReplyField("Author", article.Author, Inline: true)],
                    .. Actors(analysis),
                    new ReplyField("Analysis", AnalysisNote(stored is not null, analysis.Hedges.Count)),
                ],
                Links = ArticleText.IsWebUrl(article.Url) ? [new ReplyLink("Read", article.Url)] : [],
            },
        };

        if (analysis.Developments.Count > 0)
        {
            sections.Add(new ReplySection("Reported developments",
                string.Join(Environment.NewLine, analysis.Developments.Take(MaxDevelopments).Select(Describe))));
        }

        if (others.Count > 0)
        {
            sections.Add(new ReplySection($"Also reported by {others.Count} other source{(others.Count == 1 ? string.Empty : "s")}",
                string.Join(Environment.NewLine, others.Select(o => $"#{o.Id} {o.Source}: {o.Title}"))));
        }

        return new ChatReply { Text = $"Article #{article.Id}", Sections = sections };
    }

    private static string AnalysisNote(bool stored, int hedges) =>
        $"{(stored ? "stored" : "computed now (not analysed yet)")}; {hedges} hedged sentence{(hedges == 1 ? string.Empty : "s")}";

    private static IEnumerable<ReplyField> Actors(DevelopmentAnalysis analysis)
    {
        var actors = analysis.Mentions
            .Where(m => m.Actor is not null)
            .GroupBy(m => m.Actor!.Name)
            .OrderByDescending(g => g.Count())
            .Take(MaxActors)
            .Select(g => $"{g.Key} ({g.Count()})")
            .ToList();
        return actors.Count == 0 ? [] : [new ReplyField("Actors", string.Join(", ", actors))];
    }

    private static string Describe(ReportedDevelopment development)
    {
        var window = development.Window is { } w
            ? $", {w.From.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} to {w.To.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
            : string.Empty;
        var source = development.Attribution.FirstOrDefault(a => a.Kind != AttributionKind.Unattributed)?.Text;
        return $"- {development.Claim} ({development.Strength:P0}{window}{(source is null ? string.Empty : "; " + source)})";
    }
}
