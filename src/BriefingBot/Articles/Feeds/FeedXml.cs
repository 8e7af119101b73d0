using System.Xml;

namespace BriefingBot.Articles.Feeds;

internal static class FeedXml
{
    /// <summary>No DTDs, no external entities: feeds come from strangers.</summary>
    public static XmlReaderSettings ReaderSettings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersFromEntities = 1024,
    };
}
