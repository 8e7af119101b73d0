namespace BriefingBot.Articles.Ingestion;

/// <summary>A source that cannot be ingested; the message is the reason shown to the user.</summary>
public sealed class IngestException(string reason, Exception? inner = null) : Exception(reason, inner);
