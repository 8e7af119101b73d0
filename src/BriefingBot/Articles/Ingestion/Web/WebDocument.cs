namespace BriefingBot.Articles.Ingestion.Web;

public enum WebDocumentKind
{
    Page,
    Feed,
}

/// <summary>A fetched page or feed: where it ended up after redirects, and its bytes.</summary>
public sealed record WebDocument(Uri Url, WebDocumentKind Kind, string ContentType, string? Charset, byte[] Body);
