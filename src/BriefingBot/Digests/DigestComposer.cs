using System.Globalization;
using System.Text;
using BriefingBot.Articles;
using BriefingBot.Chat;

namespace BriefingBot.Digests;

/// <summary>
/// TEMPORARY stand-in, replaced at merge by the digest-content engineer's composer (same file name, same interface):
/// lists the titles of new stories, newest first, one line each, split into messages of at most 1,800 characters.
/// </summary>
public sealed class DigestComposer(IArticleStore articles) : IDigestComposer
{
    private const int MessageLength = 1800;
    private const int Scan = 500;

    public async Task<DigestContent> ComposeAsync(DigestRequest request, CancellationToken cancellationToken)
    {
        var recent = await articles.ListAsync(Scan, 0, cancellationToken);
        var stories = recent
            .Where(a => request.Since is null || a.FetchedAt > request.Since)
            .Where(a => !request.SentStoryIds.Contains(a.StoryId))
            .Where(a => request.Filter is null || a.Title.Contains(request.Filter, StringComparison.OrdinalIgnoreCase))
            .GroupBy(a => a.StoryId)
            .Take(request.MaxItems)
            .Select(g => g.First())
            .ToList();
        if (stories.Count == 0)
        {
            return new DigestContent([ChatReply.Message("Nothing new since the last digest.")], []);
        }

        var messages = new List<ChatReply>();
        var text = new StringBuilder("Digest: " + stories.Count.ToString(CultureInfo.InvariantCulture) + " new stories");
        foreach (var story in stories)
        {
            var line = $"\n- {story.Title} ({story.Source})";
            if (text.Length + line.Length > MessageLength)
            {
                messages.Add(ChatReply.Message(text.ToString()));
                text.Clear();
            }

            text.Append(line);
        }

        messages.Add(ChatReply.Message(text.ToString().TrimStart('\n')));
        return new DigestContent(messages, [.. stories.Select(s => s.StoryId)]);
    }
}
