using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles;

/// <summary><c>/article search &lt;query&gt;</c>: full-text search, best first, with snippets.</summary>
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

        var hits = await store.SearchAsync(query, Limit, cancellationToken);
        if (hits.Count == 0)
        {
            return ChatReply.Message($"No articles match \"{query}\".");
        }

        return new ChatReply
        {
            Text = $"{hits.Count} article{(hits.Count == 1 ? string.Empty : "s")} matching \"{query}\":",
            Sections = [.. hits.Select(h => new ReplySection($"#{h.Id} {h.Title}", h.Snippet)
            {
                Fields = [new ReplyField("Source", $"{h.Source}, {ArticleText.Date(h.PublishedAt)}", Inline: true)],
                Links = ArticleText.IsWebUrl(h.Url) ? [new ReplyLink("Link", h.Url)] : [],
            })],
        };
    }
}
