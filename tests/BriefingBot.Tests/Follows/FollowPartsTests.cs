using BriefingBot.Actors;
using BriefingBot.Chat;
using BriefingBot.Follows;
using BriefingBot.Platforms.Discord.Rendering;
using BriefingBot.Platforms.Shell;
using BriefingBot.Platforms.Slack;
using BriefingBot.Tests.Analysis.Actors;

namespace BriefingBot.Tests.Follows;

/// <summary>The small rules of follows: what a typed target means, keyword matching, and how one mention is rendered.</summary>
public sealed class FollowPartsTests
{
    private readonly FollowTargets targets = new(new ActorDirectory(TestCatalog.Instance));

    [Theory]
    [InlineData("Pyongyang", null, null, "Pyongyang", null, null)]
    [InlineData("North", "Korea", null, "North Korea", null, null)]
    [InlineData("North", "Korea", "here", "North Korea", "here", null)]
    [InlineData("Pyongyang", "here", null, "Pyongyang", "here", null)]
    [InlineData("Kim", "Jong", "Un dm", "Kim Jong Un", "dm", null)]
    [InlineData("Iran", null, "<@&777000000000000001>", "Iran", null, "<@&777000000000000001>")]
    [InlineData("list", null, null, "list", null, null)]
    public void Split_TypedWordsSpilledIntoOptions_JoinedBackWithTrailingWhere(
        string target, string? where, string? role, string expectedTarget, string? expectedWhere, string? expectedRole)
    {
        Assert.Equal((expectedTarget, expectedWhere, expectedRole), FollowCommand.Split(target, where, role));
    }

    [Fact]
    public void Resolve_Alias_IsTheActorAndSaysHowItWasReached()
    {
        var (target, alias, error) = targets.Resolve("  Pyongyang ");

        Assert.Null(error);
        Assert.Equal((FollowTargetKind.Actor, "kp", "North Korea", "Pyongyang"), (target!.Kind, target.Key, target.Label, alias));
    }

    [Fact]
    public void Resolve_UnknownWords_AreALowerCaseKeyword()
    {
        var (target, _, _) = targets.Resolve("Grain  Corridor");

        Assert.Equal((FollowTargetKind.Keyword, "grain corridor", "Grain Corridor"), (target!.Kind, target.Key, target.Label));
        Assert.NotNull(targets.Resolve("x").Error);
        Assert.NotNull(targets.Resolve("!!").Error);
    }

    [Theory]
    [InlineData("The grain corridor reopened.", true)]
    [InlineData("The GRAIN\n corridor reopened.", true)]
    [InlineData("Grain corridors reopened.", false)]
    [InlineData("Migrain corridor", false)]
    [InlineData("grain and a corridor", false)]
    public void Contains_WholeWordsOnly(string text, bool expected)
    {
        Assert.Equal(expected, FollowTargets.Contains(text, "grain corridor"));
    }

    [Fact]
    public void DiscordRender_LongReplyWithMention_OnlyTheFirstPartMayPingAndOnlyThatUser()
    {
        var reply = new ChatReply { Text = new string('x', 4500) + " @everyone", Mention = new ReplyMention(MentionKind.User, "444") };

        var parts = DiscordRenderer.Render(reply);

        Assert.True(parts.Count > 1);
        Assert.StartsWith("<@444> ", parts[0].Payload.Content, StringComparison.Ordinal);
        Assert.Equal(["444"], parts[0].Payload.AllowedMentions!.Users!);
        Assert.Null(parts[0].Payload.AllowedMentions!.Roles);
        Assert.Empty(parts[0].Payload.AllowedMentions!.Parse);
        Assert.All(parts.Skip(1), p => Assert.Equal((null, null, 0), (p.Payload.AllowedMentions!.Users, p.Payload.AllowedMentions.Roles, p.Payload.AllowedMentions.Parse.Count)));
    }

    [Theory]
    [InlineData(MentionKind.User, "12>3")]
    [InlineData(MentionKind.Role, "")]
    [InlineData(MentionKind.Group, "S123")]
    public void DiscordRender_MalformedOrForeignMention_Refused(MentionKind kind, string id)
    {
        Assert.Throws<ArgumentException>(() => DiscordRenderer.Render(new ChatReply { Text = "hi", Mention = new ReplyMention(kind, id) }));
    }

    [Fact]
    public void SlackRender_GroupMention_IsTheOnlyTokenAndArticleTextStaysEscaped()
    {
        var reply = new ChatReply { Text = "<!channel> news", Mention = new ReplyMention(MentionKind.Group, "S0123ABCD") };

        var message = Assert.Single(SlackRenderer.Render(reply));

        var section = Assert.IsType<SectionBlock>(message.Blocks[0]);
        Assert.Equal("<!subteam^S0123ABCD> &lt;!channel&gt; news", section.Text!.Text);
        Assert.Throws<ArgumentException>(() => SlackRenderer.Render(reply with { Mention = new ReplyMention(MentionKind.Role, "123") }));
    }

    [Fact]
    public void ShellRender_Mention_PrintedBeforeTheText()
    {
        Assert.StartsWith("@operator hello", ShellRenderer.Render(new ChatReply { Text = "hello", Mention = new ReplyMention(MentionKind.User, "operator") }), StringComparison.Ordinal);
    }
}
