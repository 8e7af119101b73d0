namespace BriefingBot.Articles;

public sealed class ArticlesOptions
{
    public const string Section = "Articles";

    /// <summary>Ingest the sample articles once, on the first start of a new store.</summary>
    public bool IngestSamples { get; set; } = true;

    /// <summary>Folder of sample articles, relative to the application folder unless absolute.</summary>
    public string SamplesPath { get; set; } = "config/samples";
}
