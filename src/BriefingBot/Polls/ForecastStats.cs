using System.Globalization;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using Microsoft.Extensions.Options;

namespace BriefingBot.Polls;

/// <summary>
/// Forecast records from resolved (yes/no) polls: mean Brier per person, the team median's Brier on the same polls (the
/// team forecast is the median vote), calibration in 10 % bins, and the per-channel leaderboard.
/// </summary>
public sealed class ForecastStats(IPollStore store, IOptions<PollsOptions> options, Web.WebLinks? links = null)
{
    public async Task<ChatReply> StatsAsync(CommandContext context, string? user, CancellationToken cancellationToken)
    {
        var all = await store.ListScoredVotesAsync(context.Platform, null, cancellationToken);
        var wanted = Normalize(user) ?? context.UserId;
        var mine = all.Where(v => v.Vote.UserId == wanted || string.Equals(v.Vote.UserName, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (mine.Count == 0)
        {
            var who = user is null ? "You have" : $"{user.Trim()} has";
            return ChatReply.Private($"{who} no forecasts on resolved polls yet (ambiguous polls are not scored).");
        }

        var record = Record.Of(mine, Medians(all));
        var name = mine[^1].Vote.UserName;
        var bins = Scoring.Calibration(mine.Select(v => (v.Vote.Probability / 100, v.Happened)));
        var binLines = bins.Where(b => b.Count > 0).Select(b =>
            $"{(b.From * 100).ToString("0", CultureInfo.InvariantCulture)}-{Pct(b.To)}: {b.Count} forecast(s), mean {Pct(b.MeanForecast!.Value)}, happened {Pct(b.ObservedFrequency!.Value)}");
        return new ChatReply
        {
            Text = $"📈 Forecast record of {name}",
            Sections =
            [
                new ReplySection("Scores (Brier: 0 is perfect, 1 the worst)")
                {
                    Fields =
                    [
                        new ReplyField("Resolved forecasts", record.Count.ToString(CultureInfo.InvariantCulture), true),
                        new ReplyField("Mean Brier", PollMessages.Score(record.MeanBrier), true),
                        new ReplyField("Team median, same polls", PollMessages.Score(record.TeamBrier), true),
                        new ReplyField("Relative to team median", Relative(record.Relative), true),
                    ],
                },
                new ReplySection("Calibration (10 % bins)", string.Join('\n', binLines)),
            ],
            Image = new ReplyImage("calibration.png", PollCharts.Calibration(bins, $"Calibration of {name} ({record.Count} resolved)"),
                $"Calibration chart of {name}: how often events happened per 10 % forecast bin, with counts."),
        }.WithPage(links?.Forecaster(mine[^1].Vote.UserId));
    }

    public async Task<ChatReply> LeaderboardAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var votes = await store.ListScoredVotesAsync(context.Platform, context.ChannelId, cancellationToken);
        var minimum = options.Value.LeaderboardMinimum;
        var medians = Medians(votes);
        var ranked = votes.GroupBy(v => v.Vote.UserId)
            .Select(g => (Name: g.Last().Vote.UserName, Record: Record.Of([.. g], medians)))
            .Where(r => r.Record.Count >= minimum)
            .OrderBy(r => r.Record.MeanBrier).ThenByDescending(r => r.Record.Count).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        if (ranked.Count == 0)
        {
            return ChatReply.Message($"🏆 No leaderboard yet: nobody here has {minimum} or more forecasts on resolved polls.");
        }

        var lines = ranked.Select((r, i) =>
            $"{i + 1}. {r.Name}: Brier {PollMessages.Score(r.Record.MeanBrier)} over {r.Record.Count} ({Relative(r.Record.Relative)} vs team median)");
        return new ChatReply
        {
            Text = $"🏆 Leaderboard for this channel (at least {minimum} resolved forecasts; lower Brier is better)",
            Sections = [new ReplySection("Ranking", string.Join('\n', lines))],
        }.WithPage(links?.Forecasts(context.ChannelId));
    }

    private static Dictionary<long, double> Medians(IEnumerable<ScoredVote> votes) =>
        votes.GroupBy(v => v.Vote.PollId).ToDictionary(g => g.Key, g => Scoring.Median([.. g.Select(v => v.Vote.Probability)]));

    private static string? Normalize(string? user)
    {
        var text = user?.Trim().TrimStart('<').TrimEnd('>').TrimStart('@').TrimStart('!');
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string Pct(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    private static string Relative(double difference) =>
        difference.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) + (difference < 0 ? " (better)" : difference > 0 ? " (worse)" : string.Empty);

    /// <summary>A person's mean Brier and the team median's mean Brier on the same polls.</summary>
    private sealed record Record(int Count, double MeanBrier, double TeamBrier)
    {
        public double Relative => MeanBrier - TeamBrier;

        public static Record Of(List<ScoredVote> votes, Dictionary<long, double> medians) => new(
            votes.Count,
            votes.Average(v => Scoring.Brier(v.Vote.Probability / 100, v.Happened)),
            votes.Average(v => Scoring.Brier(medians[v.Vote.PollId] / 100, v.Happened)));
    }
}
