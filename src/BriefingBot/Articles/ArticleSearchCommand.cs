using BriefingBot.Articles.Stories;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles;

/// <summary>
/// <c>/article search &lt;query&gt;</c>: full-text search, best first, with snippets. Stories, not articles:
/// hits that report the same story are one item that names its other sources and counts all of the story's sources
/// ("3 sources: Reuters, AP, BBC").
/// </summary>
public sealed class ArticleSearchCommand(IArticleStore store) : ICommand
{
    private const int Limit = 8;

    public CommandDefinition Definition { get; } = new("article search", "Search stored articles by words in their title and text",
        [new CommandOption("query", "Words to look for, e.g. Pyongyang troops", Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var query = invocation.Options.GetRequiredString("query");
        if (query.Length > 200)
        {
            return ChatReply.Error("The query is too long: at most 200 characters.");
        }

        // Ask for more than we show, so that folding several sources of one story still fills the page.
        var hits = await store.SearchAsync(query, Limit * 3, ArticleVisibility.TenantOf(invocation.Context), cancellationToken);
        var stories = hits.GroupBy(h => h.StoryId).Take(Limit).ToList();
        if (stories.Count == 0)
        {
            return ChatReply.Message($"No articles match \"{query}\".");
        }

        var sections = new List<ReplySection>(stories.Count);
        foreach (var story in stories)
        {
            sections.Add(Section(story, StoryInfo.From(await store.ListStoryAsync(story.Key, cancellationToken))));
        }

        return new ChatReply
        {
            Text = $"{stories.Count} {(stories.Count == 1 ? "story" : "stories")} matching \"{query}\":",
            Sections = sections,
        };
    }

    private static ReplySection Section(IGrouping<long, ArticleSearchHit> story, StoryInfo? info)
    {
        var best = story.First();
        var others = story.Skip(1).ToList();
        var source = $"{best.Source}, {ArticleText.Date(best.PublishedAt)}";
        return new ReplySection($"#{best.Id} {best.Title}", ArticleText.SingleLine(best.Snippet))
        {
            Fields =
            [
                new ReplyField("Source", source, Inline: true),
                .. info is null ? Array.Empty<ReplyField>() : [new ReplyField("Story", info.SourcesLine, Inline: true)],
                .. others.Count == 0 ? Array.Empty<ReplyField>() : [new ReplyField("Also in", string.Join(", ", others.Select(o => $"{o.Source} (#{o.Id})")), Inline: true)],
            ],
            Links = ArticleText.IsWebUrl(best.Url) ? [new ReplyLink("Link", best.Url)] : [],
        };
    }
}
