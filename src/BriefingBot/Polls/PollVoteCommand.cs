using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Polls;

/// <summary><c>/poll vote id:3 probability:70</c> or <c>band:likely</c>: the exact vote, and the shell's way to vote.</summary>
public sealed class PollVoteCommand(PollService polls) : ICommand
{
    public CommandDefinition Definition { get; } = new("poll vote", "Vote on a poll with an exact probability or a band",
    [
        new CommandOption("id", "Poll number", OptionType.Integer, Required: true),
        new CommandOption("probability", "Your probability in percent, 0 to 100", OptionType.Number),
        new CommandOption("band", "An ICD 203 band instead of a number") { Choices = ProbabilityBand.Ids },
    ]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var options = invocation.Options;
        var id = options.GetInteger("id")!.Value;
        var probability = options.GetNumber("probability");
        var band = options.GetString("band") is { } bandId ? ProbabilityBand.Find(bandId) : null;
        return (probability, band) switch
        {
            ({ } p, null) => await polls.VoteAsync(invocation.Context, id, p, cancellationToken),
            (null, { } b) => await polls.VoteAsync(invocation.Context, id, b.Midpoint, cancellationToken),
            _ => ChatReply.Error($"Give either probability (0-100) or band ({string.Join(", ", ProbabilityBand.Ids)}), e.g. /poll vote id:{id} probability:70."),
        };
    }
}
