using System.Globalization;
using BriefingBot.Analysis;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;

namespace BriefingBot.Polls;

/// <summary>
/// When an analysed article reports an open poll's development, or names every actor of it, the poll's thread gets one
/// "new reporting" line with the link (the thread opens on first use), when the poll's workspace may read the article
/// (<see cref="ChannelWorkspaces.ReaderTenantAsync"/>). The database allows one note per (poll, article).
/// </summary>
public sealed partial class NewReportingNotifier(
    IPollStore store,
    IArticleStore articles,
    IEnumerable<IChatPlatform> platforms,
    IDevelopmentStore developmentStore,
    TimeProvider time,
    ILogger<NewReportingNotifier> logger,
    ChannelWorkspaces workspaces) : IArticleAnalyzedListener
{
    public async Task ArticleAnalyzedAsync(long articleId, DevelopmentAnalysis analysis, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = (await store.ListUnclosedAsync(cancellationToken)).Where(p => p.IsOpenAt(now) && p.Message is not null).ToList();
        if (open.Count == 0)
        {
            return;
        }

        var actors = analysis.Mentions.Where(m => m.Actor is not null).Select(m => m.Actor!.Id).ToHashSet(StringComparer.Ordinal);
        var developments = (await developmentStore.ListForArticlesAsync([articleId], cancellationToken)).Select(d => d.Id).ToHashSet();
        var matching = open.Where(p => (p.DevelopmentId is { } id && developments.Contains(id)) || (p.ActorIds.Count > 0 && p.ActorIds.All(actors.Contains))).ToList();
        if (matching.Count == 0 || await articles.GetAsync(articleId, cancellationToken) is not { } article)
        {
            return;
        }

        foreach (var poll in matching)
        {
            if (await workspaces.ReaderTenantAsync(poll.Platform, poll.ChannelId, cancellationToken) is { } tenant
                && !(await articles.VisibleToAsync([articleId], tenant, cancellationToken)).Contains(articleId))
            {
                continue;
            }

            if (await store.TryRecordReportAsync(poll.Id, articleId, now, cancellationToken))
            {
                await PostAsync(poll, article, cancellationToken);
            }
        }
    }

    private async Task PostAsync(Poll poll, Article article, CancellationToken cancellationToken)
    {
        if (platforms.FirstOrDefault(p => p.Name == poll.Platform) is not { } platform || poll.Message is not { } message)
        {
            return;
        }

        var id = poll.Id.ToString(CultureInfo.InvariantCulture);
        var note = new ChatReply
        {
            Text = $"📰 New reporting on poll #{id}: {article.Title} ({article.Source})",
            Links = [new ReplyLink(article.Title, article.Url)],
        };
        if (poll.Thread is { } thread)
        {
            await platform.ReplyInThreadAsync(message, thread, note, cancellationToken);
            return;
        }

        var opened = await platform.OpenThreadAsync(message, $"Poll #{id}: new reporting", note, cancellationToken);
        await store.TrySetThreadAsync(poll.Id, opened, cancellationToken);
        LogThreadOpened(poll.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened the new-reporting thread of poll {PollId}")]
    private partial void LogThreadOpened(long pollId);
}
