using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Articles.Feeds;

/// <summary><c>/feed resume &lt;id&gt;</c> (admins): Poll a paused or disabled feed again, for a feed of this workspace.</summary>
public sealed class FeedResumeCommand(FeedService feeds) : ICommand
{
    public CommandDefinition Definition { get; } = new("feed resume", "Poll a paused or disabled feed again (admins)",
        [new CommandOption("id", "The feed's number, from /feed list", OptionType.Integer, Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await feeds.ChangeAsync(invocation.Context, invocation.Options.GetInteger("id")!.Value, FeedChange.Resume, cancellationToken);
}
