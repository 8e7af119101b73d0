using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Polls;

/// <summary><c>/poll resolve id:3 outcome:yes</c>: settles a poll (creator or admin) and scores every voter.</summary>
public sealed class PollResolveCommand(PollService polls) : ICommand
{
    public CommandDefinition Definition { get; } = new("poll resolve", "Settle a poll and score the voters (creator or admin)",
    [
        new CommandOption("id", "Poll number", OptionType.Integer, Required: true),
        new CommandOption("outcome", "What happened", Required: true) { Choices = ["yes", "no", "ambiguous"] },
    ]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var outcome = Enum.Parse<PollOutcome>(invocation.Options.GetRequiredString("outcome"), ignoreCase: true);
        return await polls.ResolveAsync(invocation.Context, invocation.Options.GetInteger("id")!.Value, outcome, cancellationToken);
    }
}
