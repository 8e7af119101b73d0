using System.Globalization;

namespace BriefingBot.Polls;

/// <summary>One of the seven ICD 203 likelihood bands; percentages. A vote by band counts as its midpoint.</summary>
public sealed record ProbabilityBand(string Id, string Label, double Low, double High)
{
    public double Midpoint => (Low + High) / 2;

    public string Range => $"{Low.ToString(CultureInfo.InvariantCulture)}-{High.ToString(CultureInfo.InvariantCulture)} %";

    public static IReadOnlyList<ProbabilityBand> All { get; } =
    [
        new("almost-no-chance", "Almost no chance", 1, 5),
        new("very-unlikely", "Very unlikely", 5, 20),
        new("unlikely", "Unlikely", 20, 45),
        new("even", "Roughly even chance", 45, 55),
        new("likely", "Likely", 55, 80),
        new("very-likely", "Very likely", 80, 95),
        new("almost-certain", "Almost certain", 95, 99),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. All.Select(b => b.Id)];

    public static ProbabilityBand? Find(string id) => All.FirstOrDefault(b => string.Equals(b.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The band a probability (0-100) falls in; a shared edge belongs to the band nearer to even chance, 0 and 100 to the outer bands.</summary>
    public static ProbabilityBand For(double percent) => percent switch
    {
        < 5 => All[0],
        < 20 => All[1],
        < 45 => All[2],
        <= 55 => All[3],
        <= 80 => All[4],
        <= 95 => All[5],
        _ => All[6],
    };
}
