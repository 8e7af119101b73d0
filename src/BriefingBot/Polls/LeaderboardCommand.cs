using BriefingBot.Chat;
using BriefingBot.Chat.Commands;

namespace BriefingBot.Polls;

/// <summary><c>/leaderboard</c>: this channel's forecasters by mean Brier, from Polls:LeaderboardMinimum resolved forecasts.</summary>
public sealed class LeaderboardCommand(ForecastStats stats) : ICommand
{
    public CommandDefinition Definition { get; } = new("leaderboard", "This channel's best forecasters on resolved polls");

    public async ValueTask<ChatReply> ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        await stats.LeaderboardAsync(invocation.Context, cancellationToken);
}
