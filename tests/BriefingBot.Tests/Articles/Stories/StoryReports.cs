using BriefingBot.Articles;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Files;
using BriefingBot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BriefingBot.Tests.Articles.Stories;

/// <summary>Reports written for the story tests: one cyclone told three ways by three outlets, and two North Korea events.</summary>
internal static class StoryReports
{
    public sealed record Report(string Title, string Source, string Text);

    public static readonly Report CycloneReuters = new(
        "Cyclone Mara slams into Mozambique coast, at least 12 dead",
        "Reuters",
        """
        MAPUTO (Reuters) - Cyclone Mara made landfall near the port city of Beira in central Mozambique early on Thursday, killing at least 12 people and cutting power to most of Sofala province, the national disaster agency INGC said.

        Winds of up to 190 km/h tore roofs from schools and clinics, and the Pungwe river burst its banks north of the city, INGC spokesperson Luisa Meque told reporters. Rescue teams were searching flooded districts by boat.

        President Daniel Chapo called an emergency cabinet meeting and asked for international help. The World Food Programme said it was moving food stocks from Nampula toward Beira, where the airport remained closed on Thursday afternoon.
        """);

    public static readonly Report CycloneAp = new(
        "Deadly cyclone hits central Mozambique; Beira left without electricity",
        "Associated Press",
        """
        BEIRA, Mozambique (AP) - A powerful cyclone battered central Mozambique on Thursday, leaving at least 11 people dead and the coastal city of Beira without electricity, officials said.

        Cyclone Mara came ashore before dawn with gusts near 190 kilometers per hour, flattening homes and flooding neighborhoods along the Pungwe river, according to the INGC disaster management institute. Its spokeswoman, Luisa Meque, said boats were being used to reach stranded families in Sofala.

        President Daniel Chapo appealed for foreign assistance after an emergency cabinet session. The World Food Programme said trucks carrying food were on their way from Nampula, while Beira's airport stayed shut.
        """);

    public static readonly Report CycloneBbc = new(
        "Mozambique: Cyclone Mara leaves trail of destruction around Beira",
        "BBC",
        """
        Cyclone Mara has devastated parts of Mozambique's Sofala province after striking the coast near Beira, with the authorities confirming 12 deaths so far.

        The storm, packing winds of about 190km/h, ripped the roofs off schools and health centres and sent the Pungwe river over its banks. Luisa Meque of the INGC, Mozambique's disaster agency, said rescuers in boats were reaching people trapped on rooftops.

        President Daniel Chapo has asked the international community for help following an emergency cabinet meeting. The World Food Programme is sending food from Nampula, though Beira airport remains closed.
        """);

    public static readonly Report NorthKoreaEnrichment = new(
        "North Korea expands uranium enrichment at Yongbyon, IAEA chief says",
        "Al Jazeera",
        """
        North Korea has added a new hall of centrifuges at its Yongbyon nuclear complex and is likely enriching more uranium than a year ago, the head of the International Atomic Energy Agency said on Thursday.

        Rafael Grossi told the agency's board of governors in Vienna that satellite imagery showed the building's roof and cooling units completed, and that activity at the undeclared Kangson site continued. Inspectors have had no access to North Korea since 2009.

        Pyongyang has said its nuclear programme is for self-defence. Grossi urged Kim Jong Un's government to return to talks and allow the IAEA back to Yongbyon.
        """);

    /// <summary>The same text with every third word dropped: the same words, but almost no shared 3-word shingle (not a near-duplicate).</summary>
    public static string Mangled(string text) =>
        string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i % 3 != 2));

    public static NewArticle Create(Report report, DateTimeOffset published) =>
        TestArticles.Create(report.Title, report.Text, published: published) with
        {
            Source = report.Source,
            StoryTerms = BriefingBot.Articles.Stories.StoryTerms.From(report.Title, report.Text),
        };

    /// <summary>The ten sample articles as ingestion builds them: a new user's store starts with them (IDF needs some articles).</summary>
    public static async Task<IReadOnlyList<NewArticle>> SamplesAsync(CancellationToken cancellationToken)
    {
        var builder = new ArticleBuilder(new FakeTimeProvider(TestArticles.Fetched));
        var samples = new List<NewArticle>();
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "config", "samples"), "*.txt").Order(StringComparer.Ordinal))
        {
            var extracted = await FileArticleReader.ReadAsync(path, cancellationToken);
            var url = new Uri(path).AbsoluteUri;
            samples.Add(builder.Build(extracted, url, url, Path.GetFileNameWithoutExtension(path), "file"));
        }

        return samples;
    }

    /// <summary>The report as a <c>.txt</c> file the way ingestion reads it: title line, header lines, body.</summary>
    public static string FileText(Report report, DateTimeOffset published) =>
        $"{report.Title}\nSource: {report.Source}\nPublished: {published:yyyy-MM-ddTHH:mm:ssZ}\n\n{report.Text}\n";
}
