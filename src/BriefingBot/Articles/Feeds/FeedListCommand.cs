using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles.Feeds;

/// <summary><c>/feed list</c>: this workspace's feeds and the shared operator feeds, with their health.</summary>
public sealed class FeedListCommand(FeedService feeds) : ICommand
{
    public CommandDefinition Definition { get; } = new("feed list", "This workspace's feeds: interval, last fetch, items stored, state");

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await feeds.ListAsync(invocation.Context, cancellationToken);
}
