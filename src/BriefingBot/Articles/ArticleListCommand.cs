using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles;

/// <summary><c>/article list [page]</c>: the newest articles, ten a page.</summary>
public sealed class ArticleListCommand(IArticleStore store) : ICommand
{
    private const int PageSize = 10;

    public CommandDefinition Definition { get; } = new("article list", "List the newest stored articles",
        [new CommandOption("page", "Page number, from 1", OptionType.Integer)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var page = invocation.Options.GetInteger("page") ?? 1;
        if (page < 1 || page > 10_000)
        {
            return ChatReply.Error("page must be between 1 and 10000.");
        }

        var tenant = ArticleVisibility.TenantOf(invocation.Context);
        var total = await store.CountAsync(tenant, cancellationToken);
        var articles = await store.ListAsync(PageSize, (int)(page - 1) * PageSize, tenant, cancellationToken);
        if (articles.Count == 0)
        {
            return ChatReply.Message(total == 0 ? "No articles stored yet. Add one with /article add <url>." : $"Page {page} is empty; there are {total} articles.");
        }

        var pages = (total + PageSize - 1) / PageSize;
        var lines = articles.Select(a => $"#{a.Id} {a.Title} ({a.Source}, {ArticleText.Date(a.PublishedAt ?? a.FetchedAt)})");
        return new ChatReply
        {
            Text = $"Articles, page {page} of {pages} ({total} stored):" + Environment.NewLine + string.Join(Environment.NewLine, lines),
        };
    }
}
