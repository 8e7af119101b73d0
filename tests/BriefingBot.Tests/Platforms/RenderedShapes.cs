using BriefingBot.Actors;
using BriefingBot.Analysis.Actors;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Digests;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Slack;
using BriefingBot.Polls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Platforms;

/// <summary>
/// Every kind of message the features answer with, built by the features' own code: help, actor cards (with chart,
/// aliases, polls, articles), /actors top, a not-found answer, digest parts (a digest over every limit), poll
/// messages (open with buttons, closed, result, resolved), errors and private answers, and a long plain answer.
/// </summary>
internal static class RenderedShapes
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<Dictionary<string, ChatReply>> Built = new(All);

    public static IReadOnlyList<string> Names => [.. Built.Value.Keys];

    public static ChatReply Get(string name) => Built.Value[name];

    private static Dictionary<string, ChatReply> All()
    {
        var shapes = new Dictionary<string, ChatReply>(StringComparer.Ordinal)
        {
            ["help"] = Help(),
            ["actor card"] = ActorCardReply.Card(Card(), new ReplyImage("north-korea.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "Mentions of North Korea per day")),
            ["actors top"] = ActorCardReply.Top([new TopActor(NorthKorea, 12, 4), new TopActor(new Actor("ru", "Russia", ActorKind.State), 9, 11)], 30),
            ["actor not found"] = ActorCardReply.NotFound("Nort Korea", [new ActorMatch(NorthKorea, MatchVia.Name, "North Korea")], []),
            ["error"] = ChatReply.Error("Poll #7 is closed; votes are no longer taken."),
            ["private"] = ChatReply.Private("Only you can see this."),
            ["long text"] = ChatReply.Message(string.Join(' ', Enumerable.Range(0, 1500).Select(i => $"word{i} <@U{i}> & @everyone"))),
        };
        var poll = new Poll(7, "discord", "1", "u1", "rainer", "Will the port reopen by Friday?", 12, ["kp"], Now.AddDays(-3), Now.AddDays(1), new DateOnly(2026, 12, 31));
        var clock = new PollTimeParser(new FakeTimeProvider(Now), TimeZoneInfo.Utc);
        shapes["poll open"] = PollMessages.Open(poll, 3, clock);
        shapes["poll closed"] = PollMessages.Closed(poll, 3, Now, clock);
        shapes["poll result"] = PollMessages.Result(poll, new PollResult(3, 70, 65, ProbabilityBand.All.ToDictionary(b => b.Id, b => b.Id == "likely" ? 2 : b.Id == "unlikely" ? 1 : 0)));
        shapes["poll resolved"] = PollMessages.Resolved(poll, PollOutcome.Yes, [new Vote(7, "u1", "rainer", 0.7, "likely", Now), new Vote(7, "u2", "ana", 0.2, "unlikely", Now)]);
        var budget = DigestBudgets.For(ChatLimits.Strictest("any", [DiscordChatPlatform.MessageLimits, SlackChatPlatform.MessageLimits]));
        var digest = DigestLayout.Messages(DigestHeader, DigestItems(), budget);
        for (var i = 0; i < digest.Count; i++)
        {
            shapes[$"digest part {i + 1}"] = digest[i];
        }

        var linked = DigestLayout.Messages(DigestHeader, DigestItems(), budget,
            new DigestPages("https://bot.example.org/web/channels/1/digests", id => $"https://bot.example.org/web/stories/{id}"));
        for (var i = 0; i < linked.Count; i++)
        {
            shapes[$"digest with pages part {i + 1}"] = linked[i];
        }

        return shapes;
    }

    private const string DigestHeader = "Digest for Mon 2 Mar 2026 08:00 (UTC): 12 stories from 40 sources.";

    private static Actor NorthKorea { get; } = new("kp", "North Korea", ActorKind.State);

    private static ChatReply Help()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCommandDispatch();
        using var provider = services.BuildServiceProvider();
        var help = provider.GetServices<ICommand>().Single(c => c.Definition.Name == "help");
        return help.ExecuteAsync(new CommandInvocation(help.Definition, CommandOptions.Empty, CommandContext.Shell("t")), CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    private static ActorCard Card() => new(
        new ActorMatch(NorthKorea, MatchVia.Alias, "Pyongyang"),
        ["Hermit Kingdom"],
        new PeriodCount(7, 12, 9, 4),
        new PeriodCount(30, 40, 31, 38),
        new DateOnly(2026, 2, 1),
        new DateOnly(2026, 3, 2),
        [new ActorDay(new DateOnly(2026, 3, 1), 3, 2), new ActorDay(new DateOnly(2026, 3, 2), 5, 4)],
        [(new Actor("kr", "South Korea", ActorKind.State), 5)],
        [],
        [new ActorArticle(1, "Missile test <@everyone>", "Wire A", "https://news.example/a", new DateOnly(2026, 3, 2))],
        [new ActorPoll(7, "Will the port reopen by Friday?", 12, Now.AddDays(1))]);

    private static List<DigestItem> DigestItems() =>
    [
        .. Enumerable.Range(1, 12).Select(n => new DigestItem(
            n,
            $"Headline {n} " + new string('h', DigestBudgets.MaxHeadlineCharacters - 20),
            string.Concat(Enumerable.Repeat("A long & winding <summary> sentence. ", 40))[..DigestBudgets.MaxSummaryCharacters],
            12,
            [.. Enumerable.Range(0, DigestBudgets.MaxActors).Select(a => $"Actor {a}")],
            [.. Enumerable.Range(0, DigestBudgets.MaxSourceLinks).Select(s => new DigestSourceLink($"Source {s}", $"https://news{s}.example/{n}"))],
            [.. Enumerable.Range(0, DigestBudgets.MaxDevelopments).Select(d => new DigestDevelopment((n * 10) + d, new string('c', DigestBudgets.MaxClaimCharacters), 2))],
            2)),
    ];
}
