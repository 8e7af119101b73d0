using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles.Feeds;

/// <summary><c>/feed remove &lt;id&gt;</c> (admins): Unsubscribe from a feed; its stored articles stay, for a feed of this workspace.</summary>
public sealed class FeedRemoveCommand(FeedService feeds) : ICommand
{
    public CommandDefinition Definition { get; } = new("feed remove", "Unsubscribe from a feed; its stored articles stay (admins)",
        [new CommandOption("id", "The feed's number, from /feed list", OptionType.Integer, Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await feeds.ChangeAsync(invocation.Context, invocation.Options.GetInteger("id")!.Value, FeedChange.Remove, cancellationToken);
}
