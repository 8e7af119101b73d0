using BriefingBot.Chat;

namespace BriefingBot.Tests.Chat;

public sealed class SharedRenderingTests
{
    [Fact]
    public void Get_SharedReply_RendersOnceAndReusesTheRendering()
    {
        var reply = ChatReply.Message("card") with { Shared = true };
        var renders = 0;
        string Render(ChatReply r) => $"{r.Text} {++renders}";

        var first = SharedRendering.Get(reply, Render);
        var second = SharedRendering.Get(reply, Render);

        Assert.Equal("card 1", first);
        Assert.Same(first, second);
        Assert.Equal(1, renders);
    }

    [Fact]
    public void Get_ReplyNotShared_RendersEachTime()
    {
        var reply = ChatReply.Message("help");
        var renders = 0;
        string Render(ChatReply r) => $"{r.Text} {++renders}";

        Assert.Equal("help 1", SharedRendering.Get(reply, Render));
        Assert.Equal("help 2", SharedRendering.Get(reply, Render));
    }

    [Fact]
    public void Get_EqualButDistinctSharedReplies_RendersEach()
    {
        var renders = 0;
        string Render(ChatReply r) => $"{r.Text} {++renders}";

        SharedRendering.Get(ChatReply.Message("card") with { Shared = true }, Render);
        var other = SharedRendering.Get(ChatReply.Message("card") with { Shared = true }, Render);

        Assert.Equal("card 2", other);
    }
}
