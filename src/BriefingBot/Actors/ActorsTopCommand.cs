using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using Microsoft.Extensions.Options;

namespace BriefingBot.Actors;

/// <summary><c>/actors top [days]</c>: the most mentioned actors in the period, with the change against the period before.</summary>
public sealed class ActorsTopCommand(ActorService actors, IOptions<ActorsOptions> options) : ICommand
{
    private const int MaxDays = 365;

    public CommandDefinition Definition { get; } = new("actors top", "The most mentioned actors over the last days, with the change",
        [new CommandOption("days", $"How many days back, today included (1-{MaxDays})", OptionType.Integer)]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var days = invocation.Options.GetInteger("days") ?? options.Value.TopDefaultDays;
        if (days is < 1 or > MaxDays)
        {
            return ChatReply.Error($"days must be from 1 to {MaxDays}, not {days}. Usage: {Definition.Usage}");
        }

        return ActorCardReply.Top(await actors.GetTopAsync((int)days, ActorScope.Of(invocation.Context), cancellationToken), (int)days);
    }
}
