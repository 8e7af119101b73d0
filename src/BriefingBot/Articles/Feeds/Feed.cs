namespace BriefingBot.Articles.Feeds;

public enum FeedState
{
    Active,
    Paused,
    Disabled,
}

/// <summary>Where a feed came from: the configuration file (synced at start-up), a chat command, or an OPML import.</summary>
public enum FeedOrigin
{
    Config,
    Chat,
    Import,
}

/// <summary>Why a feed was disabled; <see cref="FeedReasons"/> holds the codes stored in <see cref="Feed.StateReason"/>.</summary>
public static class FeedReasons
{
    /// <summary>Too many failures in a row (<c>FeedPolling:MaxConsecutiveFailures</c>).</summary>
    public const string TooManyFailures = "too_many_failures";

    /// <summary>404 for longer than <c>FeedPolling:PermanentAfter</c> (a day).</summary>
    public const string NotFound = "not_found";

    /// <summary>410 for longer than <c>FeedPolling:PermanentAfter</c>.</summary>
    public const string Gone = "gone";

    /// <summary>The URL answers, but with something that is not a feed.</summary>
    public const string NotAFeed = "not_a_feed";

    /// <summary>Larger than <c>Articles:MaxDownloadBytes</c>.</summary>
    public const string TooLarge = "too_large";
}

/// <summary>
/// A polled feed. <see cref="Tenant"/> is the workspace that added it (<c>discord:123</c>, <c>slack:T1</c>) or null for
/// an operator feed (configuration, shell, command-line import) shared by every workspace.
/// </summary>
public sealed record Feed(
    long Id,
    string? Tenant,
    string Url,
    string? Title,
    TimeSpan Interval,
    FeedOrigin Origin,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextDueAt)
{
    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    public DateTimeOffset? LastFetchAt { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public int ItemsStored { get; init; }

    public FeedState State { get; init; } = FeedState.Active;

    /// <summary>A <see cref="FeedReasons"/> code when disabled; who paused it when paused.</summary>
    public string? StateReason { get; init; }

    public DateTimeOffset StateSince { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>When the current run of failures began (null while the feed works).</summary>
    public DateTimeOffset? FailingSince { get; init; }

    public string? LastError { get; init; }

    /// <summary>The channel that added it (told once when the feed is disabled); null for operator feeds.</summary>
    public string? AddedPlatform { get; init; }

    public string? AddedChannel { get; init; }

    public string? AddedBy { get; init; }

    public bool IsShared => Tenant is null;

    /// <summary>The form two feed URLs are compared in (one feed per tenant and canonical URL).</summary>
    public static string Canonical(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Ingestion.UrlCanonicalizer.Canonicalize(uri) : url;
}
