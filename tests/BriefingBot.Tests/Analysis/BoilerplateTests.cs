using BriefingBot.Analysis;

namespace BriefingBot.Tests.Analysis;

public sealed class BoilerplateTests
{
    [Theory]
    [InlineData("By .")]
    [InlineData("By Jane Smith .")]
    [InlineData("PUBLISHED: 12:01 EST, 3 April 2015 .")]
    [InlineData("UPDATED: 14:22 EST, 3 April 2015 .")]
    [InlineData("Last updated at 9:05 AM on 5th April 2015.")]
    [InlineData("Click here to see the full gallery.")]
    [InlineData("Scroll down for video.")]
    public void IsBoilerplate_SiteFurniture_ReturnsTrue(string sentence) => Assert.True(Boilerplate.IsBoilerplate(sentence));

    [Theory]
    [InlineData("By Tuesday the troops had crossed the border.")]
    [InlineData("By the end of the year.")]
    [InlineData("Officials published the report on Monday.")]
    [InlineData("He said the club was updated on his fitness daily.")]
    public void IsBoilerplate_NewsSentence_ReturnsFalse(string sentence) => Assert.False(Boilerplate.IsBoilerplate(sentence));
}
