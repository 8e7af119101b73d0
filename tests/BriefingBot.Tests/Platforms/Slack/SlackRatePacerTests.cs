using BriefingBot.Platforms.Slack;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Platforms.Slack;

public sealed class SlackRatePacerTests
{
    [Fact]
    public void WaitAsync_FourthMessageToOneChannel_WaitsAboutOneSecondWhileOtherChannelsGoAtOnce()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackRatePacer(time);
        var ct = TestContext.Current.CancellationToken;

        var burst = Enumerable.Range(0, 3).Select(_ => pacer.WaitAsync("chat.postMessage", "C1", ct)).ToList();
        var fourth = pacer.WaitAsync("chat.postMessage", "C1", ct);
        var otherChannel = pacer.WaitAsync("chat.postMessage", "C2", ct);

        Assert.All(burst, t => Assert.True(t.IsCompletedSuccessfully));
        Assert.True(otherChannel.IsCompletedSuccessfully);
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(990));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(fourth.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitAsync_Tier3BurstSpent_NextCallWaitsForItsShareOfFiftyPerMinute()
    {
        var time = new FakeTimeProvider();
        var pacer = new SlackRatePacer(time);
        var ct = TestContext.Current.CancellationToken;

        var burst = Enumerable.Range(0, 10).Select(_ => pacer.WaitAsync("chat.update", null, ct)).ToList();
        var next = pacer.WaitAsync("chat.update", null, ct);

        Assert.All(burst, t => Assert.True(t.IsCompletedSuccessfully));
        time.Advance(TimeSpan.FromSeconds(1.1));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public void WaitAsync_ConnectionsOpen_NeverPaced()
    {
        var pacer = new SlackRatePacer(new FakeTimeProvider());

        var calls = Enumerable.Range(0, 50).Select(_ => pacer.WaitAsync("apps.connections.open", null, TestContext.Current.CancellationToken));

        Assert.All(calls, t => Assert.True(t.IsCompletedSuccessfully));
    }
}
