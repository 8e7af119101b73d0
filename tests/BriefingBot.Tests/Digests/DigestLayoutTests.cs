using BriefingBot.Chat;
using BriefingBot.Digests;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Rendering;
using BriefingBot.Platforms.Slack;

namespace BriefingBot.Tests.Digests;

/// <summary>A digest far over every limit, split for each platform and passed through the real renderers.</summary>
public sealed class DigestLayoutTests
{
    private const int Items = 50;

    [Fact]
    public void Messages_HugeDigestForDiscord_EachMessageRendersAsOneDiscordMessageWithinLimits()
    {
        var messages = DigestLayout.Messages(Header, HugeItems(), DigestBudgets.For(DiscordChatPlatform.MessageLimits));

        Assert.True(messages.Count > 1);
        foreach (var message in messages)
        {
            var rendered = Assert.Single(DiscordRenderer.Render(message)).Payload;
            var embeds = rendered.Embeds ?? [];
            Assert.InRange(embeds.Count, 1, DiscordLimits.EmbedsPerMessage);
            Assert.InRange(embeds.Sum(e => e.CharacterCount()), 1, DiscordLimits.EmbedTotalCharacters);
            Assert.All(embeds, e => Assert.InRange(e.Description?.Length ?? 0, 0, DiscordLimits.EmbedDescriptionLength));
            Assert.InRange(rendered.Content?.Length ?? 0, 0, DiscordLimits.ContentLength);
            Assert.InRange(rendered.Components?.Sum(r => r.Components.Count) ?? 0, 1, DiscordLimits.ActionRows * DiscordLimits.ButtonsPerRow);
        }

        AssertEveryItemOnce(messages);
    }

    [Fact]
    public void Messages_HugeDigestForSlack_EachMessageRendersAsOneSlackMessageWithinLimits()
    {
        var messages = DigestLayout.Messages(Header, HugeItems(), DigestBudgets.For(SlackChatPlatform.MessageLimits));

        Assert.True(messages.Count > 1);
        foreach (var message in messages)
        {
            var rendered = Assert.Single(SlackRenderer.Render(message));
            Assert.InRange(rendered.Blocks.Count, 1, SlackLimits.BlocksPerMessage);
            Assert.InRange(rendered.Blocks.Sum(b => b.TextLength()), 1, SlackLimits.MessageBlockCharacters);
            Assert.All(rendered.Blocks.OfType<ActionsBlock>(), b => Assert.InRange(b.Elements.Count, 1, SlackLimits.ActionsElements));
        }

        AssertEveryItemOnce(messages);
    }

    [Fact]
    public void Messages_HugeDigestForShell_OneMessageWithEverything()
    {
        var messages = DigestLayout.Messages(Header, HugeItems(), DigestBudgets.For(ChatLimits.Unlimited("shell")));

        Assert.Single(messages);
        AssertEveryItemOnce(messages);
    }

    [Fact]
    public void Messages_UnknownPlatform_FitsDiscordAndSlackAlike()
    {
        var messages = DigestLayout.Messages(Header, HugeItems(), DigestBudgets.For(ChatLimits.For([new RecordingPlatform("discord") { Limits = DiscordChatPlatform.MessageLimits }, new RecordingPlatform("slack") { Limits = SlackChatPlatform.MessageLimits }], "teams")));

        Assert.All(messages, m => Assert.Single(DiscordRenderer.Render(m)));
        Assert.All(messages, m => Assert.Single(SlackRenderer.Render(m)));
        AssertEveryItemOnce(messages);
    }

    private static string Header => "Digest for Mon 2 Mar 2026 08:00 (Europe/London): 50 stories from 400 sources.";

    private static void AssertEveryItemOnce(IReadOnlyList<ChatReply> messages)
    {
        Assert.Equal(Header, messages[0].Text);
        Assert.All(messages.Skip(1), m => Assert.Null(m.Text));
        var titles = messages.SelectMany(m => m.Sections).Select(s => s.Title).ToList();
        Assert.Equal(Enumerable.Range(1, Items).Select(n => $"{n}. {Headline(n)}"), titles);
        var buttons = messages.SelectMany(m => m.Buttons).Select(b => b.Id).ToList();
        Assert.Equal(Enumerable.Range(1, Items).Select(n => $"digest:discuss:{n}"), buttons.Where(b => b.StartsWith("digest:", StringComparison.Ordinal)));
        Assert.Equal(Items * DigestBudgets.MaxDevelopments, buttons.Count(b => b.StartsWith("poll:new:", StringComparison.Ordinal)));
        Assert.Equal(buttons.Count, buttons.Distinct().Count());
    }

    private static string Headline(int n) => $"Headline {n} " + new string('h', DigestBudgets.MaxHeadlineCharacters - 20);

    private static List<DigestItem> HugeItems() =>
    [
        .. Enumerable.Range(1, Items).Select(n => new DigestItem(
            n,
            Headline(n),
            string.Concat(Enumerable.Repeat("A long & winding <summary> sentence. ", 40))[..DigestBudgets.MaxSummaryCharacters],
            12,
            [.. Enumerable.Range(0, DigestBudgets.MaxActors).Select(a => $"Actor number {a} with a long name")],
            [.. Enumerable.Range(0, DigestBudgets.MaxSourceLinks).Select(s => new DigestSourceLink($"Source {s} of a long-named outlet", $"https://news{s}.example/{n}/{new string('p', 150)}"))],
            [.. Enumerable.Range(0, DigestBudgets.MaxDevelopments).Select(d => new DigestDevelopment((n * 10) + d, new string('c', DigestBudgets.MaxClaimCharacters), 4))],
            7)),
    ];
}
