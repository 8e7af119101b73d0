using BriefingBot.Articles.Ingestion;

namespace BriefingBot.Articles.Feeds;

/// <summary>
/// <c>feeds import &lt;file.opml&gt;</c>: the file's feeds become operator feeds (shared by every workspace), first fetched
/// by the next running worker without announcing; <c>feeds export</c>: every feed as OPML on standard output.
/// </summary>
public static class FeedsCommandLine
{
    public const string Usage = "usage: feeds import <file.opml> | feeds export";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var verb = arguments.Count > 0 ? arguments[0].ToLowerInvariant() : "";
        switch (verb)
        {
            case "import" when arguments.Count == 2:
                return await ImportAsync(services, arguments[1], cancellationToken);
            case "export" when arguments.Count == 1:
                var feeds = await services.GetRequiredService<IFeedStore>().ListAsync(cancellationToken);
                await Console.Out.WriteLineAsync(FeedOpml.Write(feeds, services.GetRequiredService<TimeProvider>().GetUtcNow()));
                return 0;
            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> ImportAsync(IServiceProvider services, string path, CancellationToken cancellationToken)
    {
        IReadOnlyList<OpmlOutline> outlines;
        try
        {
            outlines = FeedOpml.Parse(TextDecoding.DecodeXml(await File.ReadAllBytesAsync(path, cancellationToken), headerCharset: null));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IngestException)
        {
            await Console.Error.WriteLineAsync($"feeds import: {path}: {ex.Message}");
            return 1;
        }

        var import = await services.GetRequiredService<FeedService>().ImportAsync(outlines, tenant: null, FeedOrigin.Import, context: null, interval: null, cancellationToken);
        await Console.Out.WriteLineAsync(import.Line);
        return 0;
    }
}
