using System.Globalization;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Chat.Components;

namespace BriefingBot.Digests;

/// <summary>
/// The "Discuss" button of a digest story (<c>digest:discuss:{storyId}</c>): opens a thread on the digest message,
/// titled with the story's headline, whose first message is the headline and the story's source links, and answers
/// privately where the thread is. The shell has no threads and says so.
/// </summary>
public sealed partial class DigestDiscussHandler(
    IArticleStore articles, IEnumerable<IChatPlatform> platforms, ILogger<DigestDiscussHandler> logger) : IComponentHandler
{
    public const string ButtonPrefix = "digest:discuss:";

    public string Prefix => ButtonPrefix;

    public async ValueTask<ChatReply> HandleAsync(ComponentRequest request, CancellationToken cancellationToken)
    {
        var platformName = request.Context.Platform;
        if (platformName is not ("discord" or "slack"))
        {
            return ChatReply.Private("Threads are not available here. Use /article show with a story's article number to read more.");
        }

        if (!long.TryParse(request.CustomId.AsSpan(ButtonPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var storyId))
        {
            return ChatReply.Error("That Discuss button is malformed.");
        }

        if (request.Message is not { } parent)
        {
            return ChatReply.Error("Cannot tell which message to start the thread on; try the button again.");
        }

        var platform = platforms.FirstOrDefault(p => string.Equals(p.Name, platformName, StringComparison.OrdinalIgnoreCase));
        if (platform is null)
        {
            return ChatReply.Error($"The {platformName} connection is not running.");
        }

        var story = await articles.ListStoryAsync(storyId, cancellationToken);
        if (story.Count == 0)
        {
            return ChatReply.Error("That story is no longer stored.");
        }

        var headline = DigestText.Inert(story[0].Title);
        var opening = new ChatReply
        {
            Text = headline,
            Links = [.. story
                .Select(a => (a.Source, Url: DigestText.SafeUrl(a.Url)))
                .Where(a => a.Url is not null)
                .Select(a => new ReplyLink(DigestText.Inert(a.Source), a.Url!))],
        };
        var thread = await platform.OpenThreadAsync(parent, headline, opening, cancellationToken);
        LogThreadOpened(logger, platformName, parent.ChannelId, storyId);
        return ChatReply.Private(platformName == "discord"
            ? $"Started a thread on the digest message: <#{thread.ChannelId}>."
            : "Started a thread under the digest message.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened a {Platform} discussion thread in channel {ChannelId} for story {StoryId}")]
    private static partial void LogThreadOpened(ILogger logger, string platform, string channelId, long storyId);
}
