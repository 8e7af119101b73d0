using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles;

/// <summary><c>/article show &lt;id&gt;</c>: one article, its opening, and the other sources of its story.</summary>
public sealed class ArticleShowCommand(IArticleStore store) : ICommand
{
    private const int OpeningLength = 700;

    public CommandDefinition Definition { get; } = new("article show", "Show one stored article",
        [new CommandOption("id", "The article number, as shown by /article list or search", OptionType.Integer, Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var id = invocation.Options.GetInteger("id")!.Value;
        var article = await store.GetAsync(id, cancellationToken);
        if (article is null)
        {
            return ChatReply.Error($"No article #{id}. Try /article list.");
        }

        var story = await store.ListStoryAsync(article.StoryId, cancellationToken);
        var others = story.Where(a => a.Id != article.Id).ToList();
        var sections = new List<ReplySection>
        {
            new(article.Title, ArticleText.Opening(article.Text, OpeningLength))
            {
                Fields =
                [
                    new ReplyField("Source", article.Source, Inline: true),
                    new ReplyField("Published", ArticleText.Date(article.PublishedAt ?? article.FetchedAt), Inline: true),
                    .. article.Author is null ? Array.Empty<ReplyField>() : [new ReplyField("Author", article.Author, Inline: true)],
                ],
                Links = ArticleText.IsWebUrl(article.Url) ? [new ReplyLink("Read", article.Url)] : [],
            },
        };
        if (others.Count > 0)
        {
            sections.Add(new ReplySection($"Also reported by {others.Count} other source{(others.Count == 1 ? string.Empty : "s")}",
                string.Join(Environment.NewLine, others.Select(o => $"#{o.Id} {o.Source}: {o.Title}"))));
        }

        return new ChatReply { Text = $"Article #{article.Id}", Sections = sections };
    }
}
