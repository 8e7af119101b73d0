using BriefingBot.Articles.Ingestion;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles;

/// <summary><c>/article add &lt;url|path&gt;</c>: chat users give URLs; the operator (shell) may also give files and folders.</summary>
public sealed class ArticleAddCommand(IArticleIngestor ingestor) : ICommand
{
    public CommandDefinition Definition { get; } = new("article add", "Store an article or feed from a URL (or, in the shell, a file or folder)",
        [new CommandOption("source", "The article or feed URL; in the shell also a file or folder path", Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var source = invocation.Options.GetRequiredString("source");
        var trust = invocation.Context.IsOperator ? IngestTrust.Operator : IngestTrust.ChatUser;
        var report = await ingestor.IngestAsync([source], trust, ArticleVisibility.TenantOf(invocation.Context), progress: null, cancellationToken);
        if (report.Items.Count == 0)
        {
            return ChatReply.Error($"Nothing to add from {source}: no articles found there.");
        }

        if (report.Items.Count == 1)
        {
            return Describe(report.Items[0]);
        }

        var failures = report.Items.Where(i => i.Status == IngestStatus.Failed).Take(10).Select(i => $"{i.Source}: {i.Error}").ToList();
        return new ChatReply
        {
            Text = $"From {source}: {report.CountsLine}.",
            Sections = failures.Count == 0 ? [] : [new ReplySection("Failed", string.Join(Environment.NewLine, failures))],
        };
    }

    private static ChatReply Describe(IngestItemResult item) => item.Status switch
    {
        IngestStatus.Added => ChatReply.Message($"Added #{item.ArticleId}: {item.Title}"),
        IngestStatus.AddedToStory => ChatReply.Message($"Added #{item.ArticleId}: {item.Title} (another source of a story already stored)"),
        IngestStatus.Duplicate => ChatReply.Private($"Already stored as #{item.ArticleId}: {item.Title}"),
        _ => ChatReply.Error($"Could not add {item.Source}: {item.Error}"),
    };
}
