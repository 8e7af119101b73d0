using System.Globalization;
using BriefingBot.Articles.Ingestion;
using BriefingBot.Articles.Ingestion.Web;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using Microsoft.Extensions.Options;

namespace BriefingBot.Articles.Feeds;

/// <summary>
/// What the <c>/feed</c> commands do. A chat workspace sees and changes only its own feeds (plus, read-only, the
/// operator's shared ones); the shell is the operator and sees every feed.
/// </summary>
public sealed class FeedService(
    IFeedStore feeds, FeedFetcher fetcher, FeedPoller poller, IOptions<FeedPollingOptions> options, TimeProvider time)
{
    public const string AdminsOnly = "Only admins can change this workspace's feeds (on Discord: Manage Channels; on Slack: Slack:AdminUserIds).";

    /// <summary>The owner of what this context adds: null (shared) for the operator, else the workspace.</summary>
    public static string? TenantOf(CommandContext context) => context.IsOperator ? null : context.Tenant;

    public async Task<ChatReply> AddAsync(CommandContext context, string source, string? every, CancellationToken cancellationToken)
    {
        if (!context.IsAdmin)
        {
            return ChatReply.Error(AdminsOnly);
        }

        var settings = options.Value;
        if (!Uri.TryCreate(source.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ChatReply.Error($"Not a URL: {FeedText.Inert(source)}. Give the feed's or the site's address, e.g. /feed add https://example.com/feed.xml 30m");
        }

        var interval = settings.DefaultInterval;
        if (every is not null && !FeedText.TryParseInterval(every, out interval))
        {
            return ChatReply.Error($"I cannot read every:{FeedText.Inert(every)} as an interval. Try 30m, 2h or 1d.");
        }

        var minimum = context.IsOperator ? settings.MinimumInterval : settings.MinimumChatInterval;
        if (interval < minimum)
        {
            return ChatReply.Error($"A feed may be polled at most every {FeedText.Interval(minimum)}.");
        }

        var trust = context.IsOperator ? IngestTrust.Operator : IngestTrust.ChatUser;
        var found = await FindFeedAsync(url, trust, cancellationToken);
        if (found.Error is not null)
        {
            return ChatReply.Error(found.Error);
        }

        var now = time.GetUtcNow();
        var (feed, created) = await feeds.AddAsync(
            new Feed(0, TenantOf(context), found.Fetch!.Document!.Url.AbsoluteUri, found.Parsed!.Title, interval, FeedOrigin.Chat, now, now + interval)
            {
                StateSince = now,
                AddedPlatform = context.Platform,
                AddedChannel = context.ChannelId,
                AddedBy = context.UserId,
            },
            cancellationToken);
        if (!created)
        {
            return ChatReply.Private($"Already subscribed: feed #{Id(feed)} {FeedText.Name(feed)} ({feed.Url}).");
        }

        var result = await poller.StoreAsync(feed, found.Fetch, found.Parsed, announce: false, cancellationToken);
        var stored = result.Feed;
        var discovered = found.Fetch.Document.Url.AbsoluteUri == url.AbsoluteUri ? "" : $" (found on {url.Host} by autodiscovery)";
        return ChatReply.Message(
            $"Added feed #{Id(stored)} {FeedText.Name(stored)}{discovered}: stored {stored.ItemsStored} items, none announced. "
            + $"Polled every {FeedText.Interval(interval)}; new items will be announced. {stored.Url}");
    }

    public async Task<ChatReply> ListAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var visible = (await feeds.ListAsync(cancellationToken))
            .Where(f => context.IsOperator || f.Tenant is null || f.Tenant == context.Tenant)
            .OrderBy(f => f.Tenant is null ? 1 : 0).ThenBy(f => f.Id)
            .ToList();
        if (visible.Count == 0)
        {
            return ChatReply.Private("No feeds yet. An admin can add one with /feed add <url> [every].");
        }

        var sections = visible.Take(25).Select(f => new ReplySection(
            $"#{Id(f)} {FeedText.Name(f)}{(f.Tenant is null ? " (operator feed, shared)" : context.IsOperator ? $" ({f.Tenant})" : "")}",
            string.Join(Environment.NewLine,
                f.Url,
                $"every {FeedText.Interval(f.Interval)} · last fetch {FeedText.Time(f.LastFetchAt)} · {f.ItemsStored} items stored",
                FeedText.State(f)))).ToList();
        var more = visible.Count > sections.Count ? $" (first {sections.Count} shown)" : "";
        return new ChatReply { Text = $"{visible.Count} feeds{more}:", Sections = sections, Ephemeral = true };
    }

    public async Task<ChatReply> ChangeAsync(CommandContext context, long id, FeedChange change, CancellationToken cancellationToken)
    {
        if (!context.IsAdmin)
        {
            return ChatReply.Error(AdminsOnly);
        }

        var feed = await feeds.GetAsync(id, cancellationToken);
        if (feed is null || !(context.IsOperator || feed.Tenant == context.Tenant))
        {
            return ChatReply.Error(feed is { Tenant: null }
                ? $"Feed #{id} is an operator feed, shared by every workspace: only the operator can change it."
                : $"There is no feed #{id} in this workspace. /feed list shows yours.");
        }

        var now = time.GetUtcNow();
        switch (change)
        {
            case FeedChange.Remove:
                await feeds.DeleteAsync(id, cancellationToken);
                return ChatReply.Message($"Removed feed #{Id(feed)} {FeedText.Name(feed)}. Its stored articles stay.");
            case FeedChange.Pause:
                await feeds.UpdateAsync(feed with { State = FeedState.Paused, StateReason = "paused by " + context.UserName, StateSince = now }, cancellationToken);
                return ChatReply.Message($"Paused feed #{Id(feed)} {FeedText.Name(feed)}. /feed resume {Id(feed)} starts it again.");
            default:
                await feeds.UpdateAsync(feed with
                {
                    State = FeedState.Active,
                    StateReason = null,
                    StateSince = now,
                    ConsecutiveFailures = 0,
                    FailingSince = null,
                    NextDueAt = now,
                }, cancellationToken);
                return ChatReply.Message($"Resumed feed #{Id(feed)} {FeedText.Name(feed)}: it is polled again from now on.");
        }
    }

    /// <summary>Adds every outline's feed (up to <see cref="FeedPollingOptions.MaxImport"/>); each is first fetched at its next sweep, without announcing.</summary>
    public async Task<OpmlImport> ImportAsync(
        IReadOnlyList<OpmlOutline> outlines, string? tenant, FeedOrigin origin, CommandContext? context, TimeSpan? interval, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        int added = 0, existing = 0, invalid = 0, skipped = 0;
        foreach (var outline in outlines)
        {
            if (!Uri.TryCreate(outline.XmlUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                invalid++;
                continue;
            }

            if (added >= settings.MaxImport)
            {
                skipped++;
                continue;
            }

            var (_, created) = await feeds.AddAsync(
                new Feed(0, tenant, url.AbsoluteUri, outline.Title, interval ?? settings.DefaultInterval, origin, now, now)
                {
                    StateSince = now,
                    AddedPlatform = context?.Platform,
                    AddedChannel = context?.ChannelId,
                    AddedBy = context?.UserId,
                },
                cancellationToken);
            if (created)
            {
                added++;
            }
            else
            {
                existing++;
            }
        }

        return new OpmlImport(outlines.Count, added, existing, invalid, skipped, settings.MaxImport);
    }

    public async Task<ChatReply> ImportFromUrlAsync(CommandContext context, string source, CancellationToken cancellationToken)
    {
        if (!context.IsAdmin)
        {
            return ChatReply.Error(AdminsOnly);
        }

        if (!Uri.TryCreate(source.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ChatReply.Error($"Not a URL: {FeedText.Inert(source)}. Give the address of an OPML file, e.g. /feed import https://example.com/feeds.opml");
        }

        var fetch = await fetcher.FetchAsync(url, context.IsOperator ? IngestTrust.Operator : IngestTrust.ChatUser, null, null, cancellationToken);
        if (fetch.Status != FeedFetchStatus.Fetched)
        {
            return ChatReply.Error($"Could not fetch {url}: {Describe(fetch)}");
        }

        IReadOnlyList<OpmlOutline> outlines;
        try
        {
            outlines = FeedOpml.Parse(TextDecoding.DecodeXml(fetch.Document!.Body, fetch.Document.Charset));
        }
        catch (IngestException ex)
        {
            return ChatReply.Error($"Could not import {url}: {ex.Message}");
        }

        var import = await ImportAsync(outlines, TenantOf(context), FeedOrigin.Import, context, interval: null, cancellationToken);
        return ChatReply.Message($"OPML import from {url.Host}: {import.Line}. New feeds are fetched at their first poll, without announcing what they already hold.");
    }

    private async Task<(FeedFetch? Fetch, FeedDocument? Parsed, string? Error)> FindFeedAsync(Uri url, IngestTrust trust, CancellationToken cancellationToken)
    {
        var fetch = await fetcher.FetchAsync(url, trust, null, null, cancellationToken);
        if (fetch.Status != FeedFetchStatus.Fetched)
        {
            return (null, null, $"Could not add {url}: {Describe(fetch)}");
        }

        if (fetch.Document!.Kind == WebDocumentKind.Page)
        {
            var page = fetch.Document;
            var candidates = FeedDiscovery.Find(TextDecoding.DecodePage(page.Body, page.Charset), page.Url);
            if (candidates.Count == 0)
            {
                return (null, null, $"Could not add {url}: it is a web page that links no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed). Give the feed's own URL.");
            }

            string? lastError = null;
            foreach (var candidate in candidates.Take(3))
            {
                var found = await fetcher.FetchAsync(candidate, trust, null, null, cancellationToken);
                if (found.Status == FeedFetchStatus.Fetched && found.Document!.Kind == WebDocumentKind.Feed && TryParse(found, out var parsed, out lastError))
                {
                    return (found, parsed, null);
                }

                lastError ??= Describe(found);
            }

            return (null, null, $"Could not add {url}: the page links {candidates[0]}, but {lastError}");
        }

        return TryParse(fetch, out var feed, out var error) ? (fetch, feed, null) : (null, null, $"Could not add {url}: {error}");
    }

    private static bool TryParse(FeedFetch fetch, out FeedDocument? feed, out string? error)
    {
        try
        {
            feed = FeedFormats.Parse(fetch.Document!.Body, fetch.Document.Url, fetch.Document.Charset);
            error = null;
            return true;
        }
        catch (IngestException ex)
        {
            feed = null;
            error = ex.Message;
            return false;
        }
    }

    private static string Describe(FeedFetch fetch) => fetch.Status switch
    {
        FeedFetchStatus.Fetched when fetch.Document!.Kind == WebDocumentKind.Page => "it is a web page, not a feed",
        FeedFetchStatus.NotFound or FeedFetchStatus.Gone => fetch.Error + " (no such page)",
        FeedFetchStatus.TooLarge => "the feed is " + fetch.Error,
        _ => fetch.Error ?? fetch.Status.ToString(),
    };

    private static string Id(Feed feed) => feed.Id.ToString(CultureInfo.InvariantCulture);
}

public enum FeedChange
{
    Remove,
    Pause,
    Resume,
}

public sealed record OpmlImport(int Outlines, int Added, int Existing, int Invalid, int Skipped, int Cap)
{
    public string Line =>
        $"{Outlines} outlines: added {Added}, already subscribed {Existing}, not a feed URL {Invalid}"
        + (Skipped > 0 ? $", skipped {Skipped} over the limit of {Cap}" : "");
}
