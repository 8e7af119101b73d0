using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Polls;

/// <summary><c>/poll close id:3</c>: closes a poll before its deadline (creator or admin) and posts the result.</summary>
public sealed class PollCloseCommand(PollService polls) : ICommand
{
    public CommandDefinition Definition { get; } = new("poll close", "Close a poll now and post its result (creator or admin)",
        [new CommandOption("id", "Poll number", OptionType.Integer, Required: true)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await polls.CloseByCommandAsync(invocation.Context, invocation.Options.GetInteger("id")!.Value, cancellationToken);
}
