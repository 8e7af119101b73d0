using BriefingBot.Chat;
using BriefingBot.Platforms.Discord;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Platforms.Discord.Rendering;

namespace BriefingBot.Tests.Platforms.Discord;

public sealed class DiscordRendererTests
{
    [Fact]
    public void Render_ShortText_OneMessageWithNoMentionsAllowed()
    {
        var parts = DiscordRenderer.Render(ChatReply.Message("@everyone hello <@123>"));

        var message = Assert.Single(parts).Payload;
        Assert.Equal("@everyone hello <@123>", message.Content);
        Assert.NotNull(message.AllowedMentions);
        Assert.Empty(message.AllowedMentions.Parse);
        Assert.Null(message.Flags);
    }

    [Fact]
    public void Render_Ephemeral_SetsFlag64OnEveryPart()
    {
        var parts = DiscordRenderer.Render(ChatReply.Private(new string('x', 4500)));

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.Equal(64, p.Payload.Flags));
    }

    [Fact]
    public void Render_TextLongerThanLimit_SplitsAtLineBreaksWithoutLosingAnything()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"line {i} of a long answer").ToList();
        var text = string.Join('\n', lines);

        var parts = DiscordRenderer.Render(ChatReply.Message(text));

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Payload.Content!.Length, 1, DiscordLimits.ContentLength));
        Assert.Equal(lines, parts.SelectMany(p => p.Payload.Content!.Split('\n')).ToList());
    }

    [Fact]
    public void Render_ManyLargeSections_EmbedsWithinEveryLimitAndNothingDropped()
    {
        var sections = Enumerable.Range(1, 30).Select(i => new ReplySection($"Section {i}", new string('b', 1500))
        {
            Fields = [.. Enumerable.Range(1, 30).Select(f => new ReplyField($"f{f}", new string('v', 300)))],
        }).ToList();

        var parts = DiscordRenderer.Render(new ChatReply { Text = "intro", Sections = sections });

        foreach (var part in parts)
        {
            var embeds = part.Payload.Embeds ?? [];
            Assert.InRange(embeds.Count, 0, DiscordLimits.EmbedsPerMessage);
            Assert.InRange(embeds.Sum(e => e.CharacterCount()), 0, DiscordLimits.EmbedTotalCharacters);
            Assert.All(embeds, e =>
            {
                Assert.InRange(e.Title?.Length ?? 0, 0, DiscordLimits.EmbedTitleLength);
                Assert.InRange(e.Description?.Length ?? 0, 0, DiscordLimits.EmbedDescriptionLength);
                Assert.InRange(e.Fields?.Count ?? 0, 0, DiscordLimits.EmbedFields);
                Assert.All(e.Fields ?? [], f => Assert.InRange(f.Value.Length, 1, DiscordLimits.EmbedFieldValueLength));
            });
        }

        var allEmbeds = parts.SelectMany(p => p.Payload.Embeds ?? []).ToList();
        Assert.Equal(30 * 30, allEmbeds.Sum(e => e.Fields?.Count ?? 0));
        Assert.Equal(30 * 1500, allEmbeds.Sum(e => e.Description?.Length ?? 0));
        Assert.Equal("intro", parts[0].Payload.Content);
    }

    [Fact]
    public void Render_LongDescriptionAndFieldValue_ContinuesInsteadOfCutting()
    {
        var section = new ReplySection("Title", new string('d', 9000)) { Fields = [new ReplyField("long", new string('v', 2500))] };

        var embeds = DiscordRenderer.Render(new ChatReply { Sections = [section] }).SelectMany(p => p.Payload.Embeds ?? []).ToList();

        Assert.Equal(9000, embeds.Sum(e => e.Description?.Length ?? 0));
        Assert.Equal(2500, embeds.SelectMany(e => e.Fields ?? []).Sum(f => f.Value.Length));
        Assert.Contains(embeds, e => e.Title!.EndsWith("(continued)", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_TitleOverLimit_KeepsWholeTitleInDescription()
    {
        var title = new string('t', 300);

        var embed = DiscordRenderer.Render(new ChatReply { Sections = [new ReplySection(title, "body")] })[0].Payload.Embeds![0];

        Assert.Equal(DiscordLimits.EmbedTitleLength, embed.Title!.Length);
        Assert.StartsWith(title, embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ThirtyButtons_FiveRowsOfFiveThenNextMessage()
    {
        var buttons = Enumerable.Range(1, 30).Select(i => new ReplyButton($"poll:vote:{i}", $"Option {i}")).ToList();

        var parts = DiscordRenderer.Render(new ChatReply { Text = "Vote", Buttons = buttons });

        Assert.Equal(2, parts.Count);
        Assert.Equal(5, parts[0].Payload.Components!.Count);
        Assert.All(parts[0].Payload.Components!, r => Assert.Equal(5, r.Components.Count));
        Assert.Equal(5, parts[1].Payload.Components!.Single().Components.Count);
        Assert.Equal(buttons.Select(b => b.Id), parts.SelectMany(p => p.Payload.Components!).SelectMany(r => r.Components).Select(b => b.CustomId));
    }

    [Fact]
    public void Render_ButtonIdOverHundredCharacters_Throws()
    {
        var reply = new ChatReply { Buttons = [new ReplyButton(new string('x', 101), "Too long")] };

        Assert.Throws<ArgumentException>(() => DiscordRenderer.Render(reply));
    }

    [Fact]
    public void Render_Image_AttachmentOnLastPartReferencedByPayload()
    {
        var reply = new ChatReply { Text = "chart", Image = new ReplyImage("chart.png", new byte[] { 1, 2, 3 }, "A chart") };

        var part = Assert.Single(DiscordRenderer.Render(reply));

        var file = Assert.Single(part.Files);
        Assert.Equal("chart.png", file.FileName);
        var attachment = Assert.Single(part.Payload.Attachments!);
        Assert.Equal(new AttachmentRef("0", "chart.png", "A chart"), attachment);
    }

    [Fact]
    public void Render_ImageWithUrl_ShownOnTheLastEmbedWithoutUpload()
    {
        var reply = new ChatReply
        {
            Text = "card",
            Sections = [new ReplySection("One", "a"), new ReplySection("Two", "b")],
            Image = new ReplyImage("chart.png", new byte[] { 1, 2, 3 }, "A chart") { Url = new Uri("https://bot.example/charts/actors/kp/1/2.png") },
        };

        var part = Assert.Single(DiscordRenderer.Render(reply));

        Assert.False(part.HasFiles);
        Assert.Null(part.Payload.Attachments);
        Assert.Null(part.Payload.Embeds![0].Image);
        Assert.Equal("https://bot.example/charts/actors/kp/1/2.png", part.Payload.Embeds[1].Image!.Url);
        var json = System.Text.Json.JsonSerializer.Serialize(part.Payload, BriefingBot.Platforms.Discord.Payloads.DiscordJsonContext.Default.MessagePayload);
        Assert.Contains("\"image\":{\"url\":\"https://bot.example/charts/actors/kp/1/2.png\"}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Error_MarkedAndEphemeral()
    {
        var part = Assert.Single(DiscordRenderer.Render(ChatReply.Error("nope")));

        Assert.Equal("⚠️ nope", part.Payload.Content);
        Assert.Equal(64, part.Payload.Flags);
    }

    [Fact]
    public void Render_EmptyReply_StillSendsSomething()
    {
        var part = Assert.Single(DiscordRenderer.Render(new ChatReply()));

        Assert.False(string.IsNullOrEmpty(part.Payload.Content));
    }
}
