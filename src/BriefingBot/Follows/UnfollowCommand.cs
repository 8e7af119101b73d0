using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Follows;

/// <summary><c>/unfollow &lt;id|name&gt;</c>: stops a follow by its number, or every follow of an actor or keyword.</summary>
public sealed class UnfollowCommand(FollowService follows) : ICommand
{
    public CommandDefinition Definition { get; } = new("unfollow", "Stop a follow: its number from /follow list, or the actor or keyword",
        [new CommandOption("target", "The follow's number (#3) or what it follows (North Korea)", Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await follows.UnfollowAsync(invocation.Context, invocation.Options.GetRequiredString("target"), cancellationToken);
}
