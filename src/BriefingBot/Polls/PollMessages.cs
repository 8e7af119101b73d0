using System.Globalization;
using BriefingBot.Analysis.Developments;
using BriefingBot.Chat;

namespace BriefingBot.Polls;

/// <summary>What polls say in chat. Before the close a poll shows only how many voted, so nobody anchors on the others.</summary>
public static class PollMessages
{
    public const string VotePrefix = "poll:vote:";

    public static ChatReply Open(Poll poll, int voters, PollTimeParser clock) => new()
    {
        Text = $"📊 Poll #{Id(poll)}: {poll.Question}",
        Sections =
        [
            new ReplySection("How likely is it?",
                $"Voting closes {clock.Format(poll.ClosesAt)}; resolves by {PollQuestion.Date(poll.ResolveBy)}.\n"
                + $"{Voters(voters)} so far. Votes stay hidden until the poll closes.\n"
                + $"Exact probability: /poll vote id:{Id(poll)} probability:<0-100>"),
        ],
        Buttons = [.. ProbabilityBand.All.Select(b => new ReplyButton($"{VotePrefix}{Id(poll)}:{b.Id}", $"{b.Label} ({b.Range})"))],
    };

    public static ChatReply Closed(Poll poll, int voters, DateTimeOffset closedAt, PollTimeParser clock) => new()
    {
        Text = $"📊 Poll #{Id(poll)} (closed): {poll.Question}",
        Sections = [new ReplySection("Closed", $"Closed {clock.Format(closedAt)} with {Voters(voters)}. The result follows below.")],
    };

    public static ChatReply Result(Poll poll, PollResult? result)
    {
        if (result is null)
        {
            return ChatReply.Message($"📊 Poll #{Id(poll)} closed with no votes: {poll.Question}");
        }

        var title = $"Poll #{Id(poll)}: {result.Voters} vote(s), median {Percent(result.MedianPercent)}";
        return new ChatReply
        {
            Text = $"📊 Result of poll #{Id(poll)}: {poll.Question}",
            Sections =
            [
                new ReplySection("Result")
                {
                    Fields =
                    [
                        new ReplyField("Voters", result.Voters.ToString(CultureInfo.InvariantCulture), true),
                        new ReplyField("Median", Percent(result.MedianPercent), true),
                        new ReplyField("Mean", Percent(result.MeanPercent), true),
                        new ReplyField("Median band", $"{result.MedianBand.Label} ({result.MedianBand.Range})", true),
                    ],
                },
            ],
            Image = new ReplyImage($"poll-{Id(poll)}.png", PollCharts.Votes(result, title),
                $"Bar chart of votes per likelihood band for poll #{Id(poll)}; median {Percent(result.MedianPercent)} ({result.MedianBand.Label}).")
        };
    }

    public static ChatReply Resolved(Poll poll, PollOutcome outcome, IReadOnlyList<Vote> votes)
    {
        var head = $"✅ Poll #{Id(poll)} resolved {outcome.ToString().ToUpperInvariant()}: {poll.Question}";
        if (outcome == PollOutcome.Ambiguous || votes.Count == 0)
        {
            return ChatReply.Message(head + (outcome == PollOutcome.Ambiguous ? "\nAmbiguous: nobody is scored." : "\nNobody voted, so nobody is scored."));
        }

        var happened = outcome == PollOutcome.Yes;
        var median = Scoring.Median([.. votes.Select(v => v.Probability)]);
        var lines = votes
            .Select(v => (v.UserName, v.Probability, Brier: Scoring.Brier(v.Probability / 100, happened)))
            .OrderBy(s => s.Brier).ThenBy(s => s.UserName, StringComparer.Ordinal)
            .Select(s => $"{s.UserName}: {Percent(s.Probability)} → Brier {Score(s.Brier)}");
        return new ChatReply
        {
            Text = head,
            Sections =
            [
                new ReplySection("Brier scores (0 is perfect, 1 the worst)", string.Join('\n', lines))
                {
                    Fields = [new ReplyField("Team median", $"{Percent(median)} → Brier {Score(Scoring.Brier(median / 100, happened))}")],
                },
            ],
        };
    }

    public static string Voters(int count) => count == 1 ? "1 vote" : $"{count.ToString(CultureInfo.InvariantCulture)} votes";

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Score(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Id(Poll poll) => poll.Id.ToString(CultureInfo.InvariantCulture);
}
