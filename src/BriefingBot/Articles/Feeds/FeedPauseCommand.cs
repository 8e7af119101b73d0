using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles.Feeds;

/// <summary><c>/feed pause &lt;id&gt;</c> (admins): Stop polling a feed for now, for a feed of this workspace.</summary>
public sealed class FeedPauseCommand(FeedService feeds) : ICommand
{
    public CommandDefinition Definition { get; } = new("feed pause", "Stop polling a feed for now (admins)",
        [new CommandOption("id", "The feed's number, from /feed list", OptionType.Integer, Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await feeds.ChangeAsync(invocation.Context, invocation.Options.GetInteger("id")!.Value, FeedChange.Pause, cancellationToken);
}
