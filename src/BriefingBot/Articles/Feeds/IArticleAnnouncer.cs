using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Articles.Feeds;

/// <summary>Told about each genuinely new article a polled feed brought; digests or chat channels may listen later.</summary>
public interface IArticleAnnouncer
{
    Task AnnounceAsync(Uri feed, IngestItemResult article, CancellationToken cancellationToken);
}
