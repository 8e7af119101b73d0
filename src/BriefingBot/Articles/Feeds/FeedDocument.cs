namespace BriefingBot.Articles.Feeds;

/// <summary>An RSS or Atom feed reduced to what ingestion needs.</summary>
public sealed record FeedDocument(string? Title, string? Language, IReadOnlyList<FeedItem> Items);

/// <summary>One entry; <see cref="Content"/> is HTML or text (the fullest of content and summary).</summary>
public sealed record FeedItem(string Title, Uri? Link, string? Id, DateTimeOffset? PublishedAt, string? Author, string Content);
