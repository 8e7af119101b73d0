using BriefingBot.Digests;
using Quartz;

namespace BriefingBot.Tests.Digests;

public sealed class DigestScheduleTests
{
    [Theory]
    [InlineData("daily 08:00", "0 0 8 ? * *")]
    [InlineData("weekdays 07:30", "0 30 7 ? * MON-FRI")]
    [InlineData("Weekends 9:05", "0 5 9 ? * SAT,SUN")]
    [InlineData("mondays 18:00", "0 0 18 ? * MON")]
    [InlineData("0 */20 * * * ?", "0 */20 * * * ?")]
    public void TryParse_FriendlyOrQuartzCron_QuartzCron(string text, string cron)
    {
        Assert.True(DigestSchedule.TryParse(text, "UTC", out var schedule, out _));
        Assert.Equal(cron, schedule.Cron);
    }

    [Fact]
    public void TryParse_FiveFieldCrontab_FiresAtThatMinuteOnWeekdays()
    {
        Assert.True(DigestSchedule.TryParse("30 7 * * 1-5", "UTC", out var schedule, out _));

        var friday = new DateTimeOffset(2026, 3, 6, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 7, 30, 0, TimeSpan.Zero), schedule.NextFireAfter(friday));
    }

    [Theory]
    [InlineData("daily 25:00", "UTC", "not a schedule")]
    [InlineData("whenever", "UTC", "daily 08:00")]
    [InlineData("0 0 8 ? * NOPE", "UTC", "not a schedule")]
    [InlineData("daily 08:00", "Mars/Olympus_Mons", "not a known IANA time zone")]
    [InlineData("daily 08:00", "", "Europe/London")]
    public void TryParse_BadInput_FalseWithAnExplanation(string text, string zone, string expected)
    {
        Assert.False(DigestSchedule.TryParse(text, zone, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortestGap_EveryFiveMinutes_FiveMinutes()
    {
        DigestSchedule.TryParse("0 */5 * * * ?", "UTC", out var schedule, out _);

        Assert.Equal(TimeSpan.FromMinutes(5), schedule.ShortestGap(DateTimeOffset.UnixEpoch));
    }

    // Europe/London: BST from 2026-03-29 01:00 UTC to 2026-10-25 01:00 UTC.
    // America/New_York: EDT from 2026-03-08 07:00 UTC to 2026-11-01 06:00 UTC.
    [Theory]
    [InlineData("Europe/London", "2026-03-27T12:00:00Z", new[] { "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z", "2026-03-30T07:00:00Z" })]
    [InlineData("Europe/London", "2026-10-23T12:00:00Z", new[] { "2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z", "2026-10-26T08:00:00Z" })]
    [InlineData("America/New_York", "2026-03-06T18:00:00Z", new[] { "2026-03-07T13:00:00Z", "2026-03-08T12:00:00Z", "2026-03-09T12:00:00Z" })]
    [InlineData("America/New_York", "2026-10-30T18:00:00Z", new[] { "2026-10-31T12:00:00Z", "2026-11-01T13:00:00Z", "2026-11-02T13:00:00Z" })]
    public void Trigger_DailyEightAcrossDaylightSavingChange_StaysEightLocal(string zone, string from, string[] expectedUtc)
    {
        var subscription = new DigestSubscription("discord", "c1", "daily 08:00", "0 0 8 ? * *", zone, null, 5, SubscriptionOrigin.Chat);
        var trigger = DigestScheduler.BuildTrigger(subscription, startAt: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var local = TimeZoneInfo.FindSystemTimeZoneById(zone);

        var fires = new List<DateTimeOffset>();
        DateTimeOffset? after = DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < expectedUtc.Length; i++)
        {
            after = trigger.GetFireTimeAfter(after);
            fires.Add(after!.Value);
        }

        Assert.Equal(expectedUtc.Select(e => DateTimeOffset.Parse(e, System.Globalization.CultureInfo.InvariantCulture)), fires);
        Assert.All(fires, f => Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, local).DateTime)));
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, trigger.MisfireInstruction);
    }

    [Fact]
    public void NextFireAfter_MatchesTheQuartzTrigger()
    {
        DigestSchedule.TryParse("weekdays 07:30", "America/New_York", out var schedule, out _);
        var trigger = DigestScheduler.BuildTrigger(new DigestSubscription("slack", "C1", schedule.Text, schedule.Cron, "America/New_York", null, 5, SubscriptionOrigin.Chat), startAt: DateTimeOffset.UnixEpoch);
        var from = new DateTimeOffset(2026, 3, 6, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(trigger.GetFireTimeAfter(from), schedule.NextFireAfter(from));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 11, 30, 0, TimeSpan.Zero), schedule.NextFireAfter(from));
    }
}
