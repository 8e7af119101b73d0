using BriefingBot.Analysis.Developments;

namespace BriefingBot.Tests.Analysis.Developments;

public sealed class TimeWindowResolverTests
{
    private static readonly DateOnly June2026 = new(2026, 6, 1);

    [Theory]
    [InlineData("combat as early as July or August of this year.", "2026-07-01", "2026-08-31")]
    [InlineData("The talks may resume next month.", "2026-07-01", "2026-07-31")]
    [InlineData("A deal could come by the end of the year.", "2026-06-01", "2026-12-31")]
    [InlineData("More units may follow in the coming months.", "2026-06-01", "2026-09-01")]
    [InlineData("The ministry may act before March.", "2026-06-01", "2027-02-28")]
    [InlineData("Troops may arrive as early as January.", "2027-01-01", "2027-01-31")]
    [InlineData("A test could come within weeks.", "2026-06-01", "2026-07-01")]
    [InlineData("Elections may be held in 2027.", "2027-01-01", "2027-12-31")]
    [InlineData("The summit may open on 15 September.", "2026-09-15", "2026-09-15")]
    [InlineData("The summit may open on September 15, 2027.", "2027-09-15", "2027-09-15")]
    [InlineData("A decision is expected by September 15.", "2026-06-01", "2026-09-15")]
    [InlineData("Talks could resume early next year.", "2027-01-01", "2027-04-30")]
    [InlineData("Sanctions may follow in the next six months.", "2026-06-01", "2026-12-01")]
    [InlineData("An offensive may start as early as next month.", "2026-07-01", "2026-07-31")]
    [InlineData("A visit is possible in July.", "2026-07-01", "2026-07-31")]
    [InlineData("Missiles may be fielded by July.", "2026-06-01", "2026-07-31")]
    public void Resolve_TimeExpression_ReturnsWindowAgainstArticleDate(string text, string from, string to)
    {
        var window = TimeWindowResolver.Resolve(text, June2026);

        Assert.Equal(new TimeWindow(DateOnly.Parse(from, null), DateOnly.Parse(to, null)), window);
    }

    [Theory]
    [InlineData("North Korea may send troops to Russia.")]
    [InlineData("Up to 3,000 troops could be rotated.")]
    [InlineData("May brought heavy rain.")]
    [InlineData("Talks in Augusta may resume.")]
    public void Resolve_NoTimeExpression_ReturnsNull(string text) => Assert.Null(TimeWindowResolver.Resolve(text, June2026));

    [Fact]
    public void FindAll_DatelineAndWindow_ReturnsBothInTextOrderWithOffsets()
    {
        const string text = "SEOUL, Nov 12 (Reuters) - North Korea may send troops as early as January.";

        var found = TimeWindowResolver.FindAll(text, 0, text.Length, new DateOnly(2026, 11, 12));

        Assert.Equal(["Nov 12", "as early as January"], found.Select(f => text.Substring(f.Start, f.Length)));
        Assert.Equal(new TimeWindow(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), found[1].Window);
    }
}
