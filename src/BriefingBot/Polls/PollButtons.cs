using System.Globalization;
using BriefingBot.Analysis.Developments;
using BriefingBot.Articles;
using BriefingBot.Chat;
using BriefingBot.Chat.Components;

namespace BriefingBot.Polls;

/// <summary>
/// The poll buttons: <c>poll:vote:{pollId}:{band}</c> votes; <c>poll:new:{developmentId}</c> ("Poll this" on digests and
/// actor cards) previews a poll privately; <c>poll:post:{developmentId}</c> posts that preview as it stands.
/// </summary>
public sealed class PollButtons(PollService polls, PollDrafts drafts, PollTimeParser clock) : IComponentHandler
{
    public const string NewPrefix = "poll:new:";
    public const string PostPrefix = "poll:post:";

    public string Prefix => "poll:";

    public async ValueTask<ChatReply> HandleAsync(ComponentRequest request, CancellationToken cancellationToken)
    {
        var parts = request.CustomId.Split(':');
        switch (parts)
        {
            case ["poll", "vote", var pollText, var bandId] when Id(pollText) is { } pollId && ProbabilityBand.Find(bandId) is { } band:
                return await polls.VoteAsync(request.Context, pollId, band.Midpoint, cancellationToken);
            case ["poll", "new", var developmentText] when Id(developmentText) is { } developmentId:
                return await PreviewAsync(developmentId, ArticleVisibility.TenantOf(request.Context), cancellationToken);
            case ["poll", "post", var developmentText] when Id(developmentText) is { } developmentId:
                var (draft, error) = await drafts.BuildAsync(null, null, null, developmentId, ArticleVisibility.TenantOf(request.Context), cancellationToken);
                return draft is null ? ChatReply.Error(error!) : await polls.PostAsync(request.Context, draft, cancellationToken);
            default:
                return ComponentRouter.Expired;
        }
    }

    private async Task<ChatReply> PreviewAsync(long developmentId, string? tenant, CancellationToken cancellationToken)
    {
        var (draft, error) = await drafts.BuildAsync(null, null, null, developmentId, tenant, cancellationToken);
        if (draft is null)
        {
            return ChatReply.Error(error!);
        }

        return new ChatReply
        {
            Text = "Poll preview (only you see this). Post it as it is, or edit the command below and send it.",
            Sections =
            [
                new ReplySection(draft.Question)
                {
                    Fields =
                    [
                        new ReplyField("Closes", clock.Format(draft.ClosesAt), true),
                        new ReplyField("Resolves by", PollQuestion.Date(draft.ResolveBy), true),
                        new ReplyField("To edit", draft.CommandLine(clock, drafts.DefaultCloses)),
                    ],
                },
            ],
            Buttons = [new ReplyButton(PostPrefix + developmentId.ToString(CultureInfo.InvariantCulture), "Post poll", ButtonStyle.Primary)],
            Ephemeral = true,
        };
    }

    private static long? Id(string text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
