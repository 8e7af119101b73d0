using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles.Feeds;

/// <summary><c>/feed add &lt;url&gt; [every]</c> (admins): a feed, or a page that links one; the first fetch stores and announces nothing.</summary>
public sealed class FeedAddCommand(FeedService feeds) : ICommand
{
    public CommandDefinition Definition { get; } = new("feed add", "Subscribe this workspace to a feed, or to the feed a site links (admins)",
    [
        new CommandOption("url", "The feed URL, or a site page that links its feed", Required: true),
        new CommandOption("every", "How often to poll: 30m (default), 2h, 1d; at least 5m"),
    ]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await feeds.AddAsync(invocation.Context, invocation.Options.GetRequiredString("url"), invocation.Options.GetString("every"), cancellationToken);
}
