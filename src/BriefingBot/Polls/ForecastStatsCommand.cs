using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Polls;

/// <summary><c>/forecast stats [user]</c>: resolved count, mean Brier, against the team median, and a calibration chart.</summary>
public sealed class ForecastStatsCommand(ForecastStats stats) : ICommand
{
    public CommandDefinition Definition { get; } = new("forecast stats", "Your (or someone's) forecast record and calibration",
        [new CommandOption("user", "Whose record (name or id); yours if empty")]);

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await stats.StatsAsync(invocation.Context, invocation.Options.GetString("user"), cancellationToken);
}
