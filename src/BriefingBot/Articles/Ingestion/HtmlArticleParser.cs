using System.Globalization;
using SmartReader;

namespace BriefingBot.Articles.Ingestion;

/// <summary>The main text of a web page (readability), with its title, byline, site name, date and language.</summary>
public static class HtmlArticleParser
{
    public static ExtractedArticle Parse(string html, Uri url)
    {
        var reader = new Reader(url.ToString(), html) { ContinueIfNotReadable = true };
        var page = reader.GetArticle();
        var text = HtmlText.Tidy(page.TextContent ?? "");
        return new ExtractedArticle(HtmlText.Tidy(page.Title ?? ""), text)
        {
            Source = Blank(page.SiteName),
            Author = Blank(page.Author) ?? Blank(page.Byline),
            PublishedAt = page.PublicationDate is { } date ? new DateTimeOffset(DateTime.SpecifyKind(date, DateTimeKind.Utc)) : null,
            Language = Blank(page.Language),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
