using BriefingBot.Polls;

namespace BriefingBot.Web;

/// <summary>A chart for a page: an SVG (shown through an img data URI, so nothing in it can run) and what it says in words.</summary>
public sealed record WebChart(string Svg, string AltText)
{
    public string DataUri => "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Svg));
}

/// <summary>One step of paging: page numbers start at 1.</summary>
public sealed record Paging(int Page, int PageCount)
{
    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

public sealed record PollLine(long Id, string Question, string State, string ChannelId);

public sealed record ChannelLine(string ChannelId, int Digests, int Polls);

public sealed record ActorLine(string Id, string Name, long Mentions);

public sealed record HomeModel(WebSession Viewer, IReadOnlyList<ChannelLine> Channels, IReadOnlyList<PollLine> Polls, IReadOnlyList<ActorLine> TopActors);

public sealed record LinkView(string Label, string Url);

/// <summary>A story of a digest as sent: its section, and the story it links to when known.</summary>
public sealed record DigestSectionView(string Title, string? Body, IReadOnlyList<LinkView> Links, long? StoryId);

public sealed record DigestView(long RunId, DateTimeOffset FireTime, DateTimeOffset? SentAt, IReadOnlyList<string> Texts, IReadOnlyList<DigestSectionView> Sections);

public sealed record DigestArchiveModel(WebSession Viewer, string ChannelId, IReadOnlyList<DigestView> Digests, Paging Paging, int Total);

public sealed record SourceView(long ArticleId, string Title, string Source, string? Url, DateTimeOffset PublishedOrFetched, bool Published);

public sealed record DevelopmentView(long Id, string Claim, int Corroboration, string Question, DateOnly ResolveBy, DateTimeOffset LastReportedAt, IReadOnlyList<PollLine> Polls)
{
    /// <summary>A development can be polled while its resolve-by day has not passed.</summary>
    public bool Pollable(DateOnly today) => ResolveBy >= today;
}

public sealed record StoryModel(WebSession Viewer, long StoryId, string Headline, IReadOnlyList<SourceView> Sources, string Summary,
    IReadOnlyList<ActorLine> Actors, IReadOnlyList<DevelopmentView> Developments, DateOnly Today);

public sealed record ArticleLine(long Id, long? StoryId, string Title, string Source, string? Url, DateOnly Day);

public sealed record ActorModel(
    WebSession Viewer,
    string Id,
    string Name,
    string Kind,
    string? Description,
    string? Code,
    IReadOnlyList<string> Aliases,
    long WeekMentions,
    long MonthMentions,
    long PreviousMonthMentions,
    int RangeDays,
    IReadOnlyList<int> Ranges,
    WebChart Chart,
    IReadOnlyList<ActorLine> CoActors,
    IReadOnlyList<DevelopmentView> Developments,
    IReadOnlyList<PollLine> Polls,
    IReadOnlyList<ArticleLine> Stories,
    Paging Paging,
    DateOnly Today);

public sealed record VoterScore(string Name, double Probability, double Brier, bool IsViewer);

public sealed record PollModel(
    WebSession Viewer,
    Poll Poll,
    string State,
    int Voters,
    PollResult? Result,
    WebChart? Chart,
    double? TeamMedianBrier,
    double? TeamMeanBrier,
    IReadOnlyList<VoterScore> Scores,
    int HiddenScores,
    string? DevelopmentClaim,
    string TimeZone);

public sealed record LeaderRow(int Rank, string UserId, string Name, int Count, double MeanBrier, double Relative);

public sealed record ForecastsModel(WebSession Viewer, string ChannelId, int Minimum, IReadOnlyList<LeaderRow> Rows);

public sealed record ForecasterModel(WebSession Viewer, string UserId, string Name, int Count, double MeanBrier, double TeamBrier,
    IReadOnlyList<CalibrationBin> Bins, WebChart Chart);

public sealed record MessageModel(string Title, string Text, bool ShowHowToGetLink);

/// <summary>The page a sign-in link opens: who it is for and a button that posts the token back (a GET opens no session).</summary>
public sealed record LoginModel(string UserName, string Platform, string Token, DateTimeOffset Expires);
