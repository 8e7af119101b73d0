using BriefingBot.Polls;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Polls;

public sealed class PollTimeParserTests
{
    // Wednesday 25 November 2026, 10:00 in New York (UTC-5).
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
    private readonly PollTimeParser parser = new(new FakeTimeProvider(Now), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));

    [Theory]
    [InlineData("in 7 days", "2026-12-02T15:00:00Z")]
    [InlineData("in 2 hours", "2026-11-25T17:00:00Z")]
    [InlineData("in an hour", "2026-11-25T16:00:00Z")]
    [InlineData("in 30 minutes", "2026-11-25T15:30:00Z")]
    [InlineData("in 2 weeks", "2026-12-09T15:00:00Z")]
    [InlineData("tomorrow 09:00", "2026-11-26T14:00:00Z")]
    [InlineData("Tomorrow at 9am", "2026-11-26T14:00:00Z")]
    [InlineData("tomorrow", "2026-11-27T04:59:00Z")]
    [InlineData("Friday 17:00", "2026-11-27T22:00:00Z")]
    [InlineData("fri 5pm", "2026-11-27T22:00:00Z")]
    [InlineData("Wednesday 09:00", "2026-12-02T14:00:00Z")]
    [InlineData("Wednesday 18:00", "2026-11-25T23:00:00Z")]
    [InlineData("next Wednesday 18:00", "2026-12-02T23:00:00Z")]
    [InlineData("17:00", "2026-11-25T22:00:00Z")]
    [InlineData("08:00", "2026-11-26T13:00:00Z")]
    [InlineData("2026-12-24 17:00", "2026-12-24T22:00:00Z")]
    [InlineData("2026-12-24T17:00", "2026-12-24T22:00:00Z")]
    [InlineData("2027-03-31", "2027-04-01T03:59:00Z")]
    [InlineData("31 December 2026", "2027-01-01T04:59:00Z")]
    [InlineData("\"in 7 days\"", "2026-12-02T15:00:00Z")]
    [InlineData("2027-03-14 02:30", "2027-03-14T07:30:00Z")]
    public void ParseInstant_NaturalText_InstantInTheConfiguredZone(string text, string expectedUtc)
    {
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parser.ParseInstant(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("blah")]
    [InlineData("in x days")]
    [InlineData("in 7 fortnights")]
    [InlineData("25:00")]
    [InlineData("tomorrow 13pm")]
    [InlineData("someday 17:00")]
    [InlineData("2026-13-01")]
    [InlineData("in 9999999 days")]
    public void ParseInstant_Unreadable_ReturnsNull(string text)
    {
        Assert.Null(parser.ParseInstant(text));
    }

    [Fact]
    public void ParseDate_DateAndRelative_LocalCalendarDay()
    {
        Assert.Equal(new DateOnly(2026, 8, 31), parser.ParseDate("2026-08-31"));
        Assert.Equal(new DateOnly(2026, 12, 25), parser.ParseDate("in 30 days"));
        Assert.Null(parser.ParseDate("never"));
    }

    [Fact]
    public void Format_Instant_ShowsLocalTimeAndZone()
    {
        Assert.Equal("Fri 27 Nov 2026 17:00 (America/New_York)", parser.Format(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero)));
    }
}
