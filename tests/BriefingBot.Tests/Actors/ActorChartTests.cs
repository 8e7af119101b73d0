using BriefingBot.Actors;

namespace BriefingBot.Tests.Actors;

public sealed class ActorChartTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Render_ThirtyDays_IsAPngOfTheAskedSize()
    {
        var to = new DateOnly(2026, 11, 25);

        var png = ActorChart.Render("North Korea", to.AddDays(-29), to, [new ActorDay(to, 5, 2), new ActorDay(to.AddDays(-3), 2, 1)], 640, 240);

        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(640, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(240, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void AltText_Days_SaysTotalAndPeak()
    {
        var to = new DateOnly(2026, 11, 25);

        var text = ActorChart.AltText("Russia", to.AddDays(-29), to, [new ActorDay(to, 5, 2), new ActorDay(to.AddDays(-3), 2, 1), new ActorDay(to.AddDays(-40), 9, 1)]);

        Assert.Equal("Bar chart of Russia mentions per day from 27 Oct to 25 Nov 2026: 7 in all, most on 25 Nov (5).", text);
    }
}
