using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles.Feeds;

/// <summary><c>/feed import &lt;url&gt;</c> (admins): subscribes to every feed of an OPML file, up to <c>FeedPolling:MaxImport</c>.</summary>
public sealed class FeedImportCommand(FeedService feeds) : ICommand
{
    public CommandDefinition Definition { get; } = new("feed import", "Subscribe to the feeds of an OPML file (admins)",
        [new CommandOption("url", "The OPML file's URL", Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await feeds.ImportFromUrlAsync(invocation.Context, invocation.Options.GetRequiredString("url"), cancellationToken);
}
