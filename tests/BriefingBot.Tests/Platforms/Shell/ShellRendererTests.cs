using BriefingBot.Chat;
using BriefingBot.Platforms.Shell;

namespace BriefingBot.Tests.Platforms.Shell;

public sealed class ShellRendererTests
{
    [Fact]
    public void Render_FullReply_ShowsEveryPartAsText()
    {
        var reply = new ChatReply
        {
            Text = "Header",
            Sections = [new ReplySection("Title", "Body") { Fields = [new ReplyField("Source", "Reuters")], Links = [new ReplyLink("Read", "https://example.com/a")] }],
            Buttons = [new ReplyButton("poll:create:1", "Poll this")],
            Image = new ReplyImage("chart.png", new byte[] { 1 }, "Mentions per day"),
        };

        var text = ShellRenderer.Render(reply);

        Assert.Equal(
            string.Join(Environment.NewLine, "Header", string.Empty, "== Title ==", "Body", "  Source: Reuters", "  Read: https://example.com/a",
                string.Empty, "[Poll this]", string.Empty, "(image chart.png: Mentions per day)") + Environment.NewLine,
            text);
    }

    [Fact]
    public void Render_Error_IsMarked()
    {
        Assert.StartsWith("error: bad", ShellRenderer.Render(ChatReply.Error("bad")), StringComparison.Ordinal);
    }
}
