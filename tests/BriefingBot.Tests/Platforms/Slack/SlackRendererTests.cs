using System.Text.Json;
using System.Text.Json.Nodes;
using BriefingBot.Chat;
using BriefingBot.Platforms.Slack;

namespace BriefingBot.Tests.Platforms.Slack;

public sealed class SlackRendererTests
{
    [Fact]
    public void Render_ArticleTextWithMentionsAndLinks_EscapedSoNothingPingsOrLinks()
    {
        var reply = new ChatReply
        {
            Text = "Breaking <!channel> & <!here> <@U123> <https://evil.example|click>",
            Sections = [new ReplySection("<!everyone> title", "body <#C1>") { Fields = [new ReplyField("<@U9>", "<!subteam^S1>")] }],
        };

        var json = SlackJsonText.All(JsonNode.Parse(Serialize(SlackRenderer.Render(reply).Single()))!);

        Assert.DoesNotContain("<!", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<#", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<http", json, StringComparison.Ordinal);
        Assert.Contains("Breaking &lt;!channel&gt; &amp; &lt;!here&gt; &lt;@U123&gt;", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://example.com/a?b=1&c=2", "<https://example.com/a?b=1&amp;c=2|Read &lt;more&gt;>")]
    [InlineData("javascript:alert(1)", "Read &lt;more&gt;: javascript:alert(1)")]
    [InlineData("https://example.com/a|b>c", "<https://example.com/a%7Cb%3Ec|Read &lt;more&gt;>")]
    public void Render_Link_OnlyHttpAddressesBecomeLinksAndBothPartsAreEscaped(string url, string expected)
    {
        var message = SlackRenderer.Render(new ChatReply { Links = [new ReplyLink("Read <more>", url)] }).Single();

        var context = Assert.IsType<ContextBlock>(Assert.Single(message.Blocks));
        Assert.Equal(expected, context.Elements.Single().Text);
    }

    [Fact]
    public void Render_BodyLongerThanOneSection_SplitIntoSectionsWithinLimitLosingNothing()
    {
        var words = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"word{i}"));

        var blocks = SlackRenderer.Render(ChatReply.Message(words)).Single().Blocks.Cast<SectionBlock>().ToList();

        Assert.True(blocks.Count >= 3);
        Assert.All(blocks, b => Assert.InRange(b.Text!.Text.Length, 1, SlackLimits.SectionText));
        Assert.Equal(words, string.Join(' ', blocks.Select(b => b.Text!.Text)));
    }

    [Fact]
    public void Split_HardCutWouldBreakAnEscape_CutsBeforeIt()
    {
        var escaped = new string('a', 2998) + "&amp;" + new string('b', 10);

        var parts = SlackMarkdown.Split(escaped, SlackLimits.SectionText);

        Assert.Equal([new string('a', 2998), "&amp;" + new string('b', 10)], parts);
    }

    [Fact]
    public void Render_SixtySections_SplitIntoMessagesOfAtMostFiftyBlocksEachWithFallbackText()
    {
        var reply = new ChatReply { Text = "Results", Sections = [.. Enumerable.Range(1, 60).Select(i => new ReplySection($"S{i}", "b"))] };

        var messages = SlackRenderer.Render(reply);

        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.InRange(m.Blocks.Count, 1, SlackLimits.BlocksPerMessage));
        Assert.Equal(61, messages.Sum(m => m.Blocks.Count));
        Assert.Equal(["Results (part 1 of 2)", "Results (part 2 of 2)"], messages.Select(m => m.Text));
    }

    [Fact]
    public void Render_ManyLargeSections_SplitBeforeTheAggregateCharacterCap()
    {
        var reply = new ChatReply { Sections = [.. Enumerable.Range(1, 10).Select(i => new ReplySection($"S{i}", new string('x', 2900)))] };

        var messages = SlackRenderer.Render(reply);

        Assert.True(messages.Count >= 3);
        Assert.All(messages, m => Assert.True(m.Blocks.Sum(b => b.TextLength()) <= SlackLimits.MessageBlockCharacters));
        Assert.Equal(10, messages.Sum(m => m.Blocks.Count));
    }

    [Fact]
    public void Render_ThirtyButtons_TwoActionsBlocksOfAtMostTwentyFive()
    {
        var reply = new ChatReply { Text = "Vote", Buttons = [.. Enumerable.Range(1, 30).Select(i => new ReplyButton($"poll:vote:42:{i}", $"Option {i}"))] };

        var actions = SlackRenderer.Render(reply).Single().Blocks.OfType<ActionsBlock>().ToList();

        Assert.Equal([25, 5], actions.Select(a => a.Elements.Count));
        Assert.Equal("poll:vote:42:1", actions[0].Elements[0].ActionId);
        Assert.Equal("poll:vote:42:1", actions[0].Elements[0].Value);
    }

    [Fact]
    public void Render_ButtonLabelOverLimit_ShortenedVisiblyToSeventyFive()
    {
        var reply = new ChatReply { Buttons = [new ReplyButton("x:1", new string('L', 100), ButtonStyle.Primary)] };

        var button = SlackRenderer.Render(reply).Single().Blocks.OfType<ActionsBlock>().Single().Elements.Single();

        Assert.Equal(SlackLimits.ButtonText, button.Text.Text.Length);
        Assert.EndsWith("…", button.Text.Text, StringComparison.Ordinal);
        Assert.Equal("primary", button.Style);
    }

    [Fact]
    public void Render_ButtonIdOverActionIdLimit_Throws()
    {
        var reply = new ChatReply { Buttons = [new ReplyButton(new string('i', 256), "Go")] };

        Assert.Throws<ArgumentException>(() => SlackRenderer.Render(reply));
    }

    [Fact]
    public void Render_TwelveFields_TwoFieldSectionsOfTenAndTwo()
    {
        var reply = new ChatReply { Sections = [new ReplySection("T") { Fields = [.. Enumerable.Range(1, 12).Select(i => new ReplyField($"f{i}", "v"))] }] };

        var fieldBlocks = SlackRenderer.Render(reply).Single().Blocks.Cast<SectionBlock>().Where(b => b.Fields is not null).ToList();

        Assert.Equal([10, 2], fieldBlocks.Select(b => b.Fields!.Count));
    }

    [Fact]
    public void Render_Error_MarkedWithWarningAndFallbackTextSet()
    {
        var message = SlackRenderer.Render(ChatReply.Error("No such article")).Single();

        Assert.Equal("No such article", message.Text);
        Assert.Equal(":warning: No such article", Assert.IsType<SectionBlock>(message.Blocks.Single()).Text!.Text);
    }

    [Fact]
    public void Serialize_RenderedMessage_HasBlockKitShapeWithoutNulls()
    {
        var reply = new ChatReply
        {
            Text = "Hi",
            Sections = [new ReplySection("T", "B") { Fields = [new ReplyField("n", "v")] }],
            Buttons = [new ReplyButton("poll:vote:1:yes", "Yes")],
        };

        var json = JsonNode.Parse(Serialize(SlackRenderer.Render(reply).Single()))!;

        var blocks = json["blocks"]!.AsArray();
        Assert.Equal(["section", "section", "section", "actions"], blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("mrkdwn", blocks[0]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal("*n*\nv", blocks[2]!["fields"]![0]!["text"]!.GetValue<string>());
        var button = blocks[3]!["elements"]![0]!;
        Assert.Equal("button", button["type"]!.GetValue<string>());
        Assert.Equal("poll:vote:1:yes", button["action_id"]!.GetValue<string>());
        Assert.Equal("plain_text", button["text"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("null", json.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["text", "type"], blocks[0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Render_ImageWithUrl_ImageBlockInsteadOfANote()
    {
        var reply = new ChatReply
        {
            Text = "card",
            Image = new ReplyImage("chart.png", new byte[] { 1, 2, 3 }, "A chart of <mentions>") { Url = new Uri("https://bot.example/charts/actors/kp/1/2.png") },
        };

        var json = JsonNode.Parse(Serialize(SlackRenderer.Render(reply).Single()))!;

        var image = json["blocks"]!.AsArray()[^1]!;
        Assert.Equal("image", image["type"]!.GetValue<string>());
        Assert.Equal("https://bot.example/charts/actors/kp/1/2.png", image["image_url"]!.GetValue<string>());
        Assert.Equal("A chart of <mentions>", image["alt_text"]!.GetValue<string>());
    }

    [Fact]
    public void Render_ImageWithUrlInAPrivateAnswer_OnlyTheNote()
    {
        var reply = new ChatReply
        {
            Text = "card",
            Ephemeral = true,
            Image = new ReplyImage("chart.png", new byte[] { 1, 2, 3 }, "A chart") { Url = new Uri("https://bot.example/c.png") },
        };

        var blocks = SlackRenderer.Render(reply).Single().Blocks;

        Assert.DoesNotContain(blocks, b => b is ImageBlock);
        Assert.Contains(blocks, b => b is ContextBlock);
    }

    private static string Serialize(SlackMessage message) =>
        JsonSerializer.Serialize(new PostMessageRequest("C1", message.Text, message.Blocks), SlackJsonContext.Default.PostMessageRequest);
}
