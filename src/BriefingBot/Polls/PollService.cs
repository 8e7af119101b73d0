using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting.Telemetry;

namespace BriefingBot.Polls;

/// <summary>A poll's life: post, vote, close (once), resolve (once), remind (once). Commands, buttons and jobs all come here.</summary>
public sealed partial class PollService(
    IPollStore store,
    IEnumerable<IChatPlatform> platforms,
    PollTimeParser clock,
    PollScheduler scheduler,
    VoteCountUpdater counts,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<PollService> logger,
    Web.WebLinks? links = null)
{
    private readonly IReadOnlyList<IChatPlatform> platformList = [.. platforms];

    public IPollStore Store => store;

    /// <summary>Posts the poll in the asker's channel with its vote buttons and schedules its close.</summary>
    public async Task<ChatReply> PostAsync(CommandContext context, PollDraft draft, CancellationToken cancellationToken)
    {
        if (Platform(context.Platform) is not { } platform)
        {
            return ChatReply.Error($"Polls cannot be posted on {context.Platform} from here.");
        }

        var now = time.GetUtcNow();
        var poll = await store.CreateAsync(
            new NewPoll(context.Platform, context.ChannelId, context.UserId, context.UserName, draft.Question, draft.DevelopmentId, draft.ActorIds,
                now, draft.ClosesAt, draft.ResolveBy),
            cancellationToken);
        var message = await platform.SendAsync(context.ChannelId, PollMessages.Open(poll, 0, clock).WithPage(links?.Poll(poll.Id)), cancellationToken);
        await store.SetMessageAsync(poll.Id, message, cancellationToken);
        await scheduler.ScheduleCloseAsync(poll.Id, poll.ClosesAt, cancellationToken);
        LogPosted(poll.Id, context.Platform);
        var id = PollMessages.Id(poll);
        return ChatReply.Private(
            $"Poll #{id} is posted; voting closes {clock.Format(poll.ClosesAt)}. Vote with its buttons, or /poll vote id:{id} band:likely "
            + $"(or probability:70); close early with /poll close id:{id}; settle it with /poll resolve id:{id} outcome:yes|no|ambiguous.");
    }

    /// <summary>Records (or changes) the user's vote; a vote by band counts as the band's midpoint.</summary>
    public async Task<ChatReply> VoteAsync(CommandContext context, long pollId, double probability, CancellationToken cancellationToken)
    {
        if (!double.IsFinite(probability) || probability is < 0 or > 100)
        {
            return ChatReply.Error("A probability is a number from 0 to 100 (percent), e.g. /poll vote id:3 probability:70.");
        }

        var poll = await store.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return ChatReply.Error($"There is no poll #{pollId}.");
        }

        var now = time.GetUtcNow();
        if (!poll.IsOpenAt(now))
        {
            return ClosedAnswer(poll);
        }

        var earlier = await store.GetVoteAsync(pollId, context.UserId, cancellationToken);
        var band = ProbabilityBand.For(probability);
        var name = string.IsNullOrWhiteSpace(context.UserName) ? context.UserId : context.UserName;
        if (!await store.VoteAsync(new Vote(pollId, context.UserId, name, probability, band.Id, now), cancellationToken))
        {
            // Closed between the check and the write.
            return ClosedAnswer(await store.GetAsync(pollId, cancellationToken) ?? poll);
        }

        counts.Touch(pollId);
        metrics.VoteRecorded(context.Platform);
        var change = earlier is null ? string.Empty : $" (changed from {PollMessages.Percent(earlier.Probability)})";
        return ChatReply.Private(
            $"Your vote on poll #{pollId}: {band.Label} ({band.Range}), counted as {PollMessages.Percent(probability)}{change}. "
            + $"Only you see this; you can change it until {clock.Format(poll.ClosesAt)}.");
    }

    /// <summary><c>/poll close</c>: only the creator or an admin, and only once.</summary>
    public async Task<ChatReply> CloseByCommandAsync(CommandContext context, long pollId, CancellationToken cancellationToken)
    {
        var poll = await store.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return ChatReply.Error($"There is no poll #{pollId}.");
        }

        if (!MayManage(context, poll))
        {
            return ChatReply.Error($"Only the poll's creator ({poll.CreatorName}) or an admin can close poll #{pollId}.");
        }

        if (poll.ClosedAt is not null || !await CloseNowAsync(poll, cancellationToken))
        {
            var closed = await store.GetAsync(pollId, cancellationToken) ?? poll;
            return ChatReply.Private($"Poll #{pollId} already closed at {clock.Format(closed.ClosedAt ?? closed.ClosesAt)}.");
        }

        await scheduler.UnscheduleCloseAsync(pollId, cancellationToken);
        return ChatReply.Private($"Poll #{pollId} is closed; the result is posted in its channel.");
    }

    /// <summary>The deadline job: closes the poll unless someone already did.</summary>
    public async Task CloseDueAsync(long pollId, CancellationToken cancellationToken)
    {
        var poll = await store.GetAsync(pollId, cancellationToken);
        if (poll is null || poll.ClosedAt is not null)
        {
            return;
        }

        await CloseNowAsync(poll, cancellationToken);
    }

    /// <summary>Closes overdue polls and reminds creators of polls past their resolve-by day, once each.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var poll in await store.ListUnclosedAsync(cancellationToken))
        {
            if (poll.ClosesAt <= now)
            {
                await CloseNowAsync(poll, cancellationToken);
            }
        }

        foreach (var poll in await store.ListDueRemindersAsync(clock.LocalDate(now), cancellationToken))
        {
            if (await store.TryMarkRemindedAsync(poll.Id, now, cancellationToken))
            {
                await RemindAsync(poll, cancellationToken);
            }
        }
    }

    /// <summary><c>/poll resolve</c>: closes the poll first if needed, then scores every voter once.</summary>
    public async Task<ChatReply> ResolveAsync(CommandContext context, long pollId, PollOutcome outcome, CancellationToken cancellationToken)
    {
        var poll = await store.GetAsync(pollId, cancellationToken);
        if (poll is null)
        {
            return ChatReply.Error($"There is no poll #{pollId}.");
        }

        if (!MayManage(context, poll))
        {
            return ChatReply.Error($"Only the poll's creator ({poll.CreatorName}) or an admin can resolve poll #{pollId}.");
        }

        if (poll.Outcome is { } settled)
        {
            return ChatReply.Error($"Poll #{pollId} was already resolved as {settled.ToString().ToLowerInvariant()}.");
        }

        if (poll.ClosedAt is null && await CloseNowAsync(poll, cancellationToken))
        {
            await scheduler.UnscheduleCloseAsync(pollId, cancellationToken);
        }

        if (!await store.TryResolveAsync(pollId, outcome, time.GetUtcNow(), cancellationToken))
        {
            return ChatReply.Error($"Poll #{pollId} was resolved by someone else just now.");
        }

        LogResolved(pollId, outcome);
        return PollMessages.Resolved(poll, outcome, await store.ListVotesAsync(pollId, cancellationToken));
    }

    private async Task<bool> CloseNowAsync(Poll poll, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await store.TryCloseAsync(poll.Id, now, cancellationToken))
        {
            return false;
        }

        var votes = await store.ListVotesAsync(poll.Id, cancellationToken);
        LogClosed(poll.Id, votes.Count);
        if (Platform(poll.Platform) is not { } platform)
        {
            return true;
        }

        try
        {
            if (poll.Message is { } message)
            {
                await platform.UpdateAsync(message, PollMessages.Closed(poll, votes.Count, now, clock), cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPostFailed(ex, poll.Id);
        }

        try
        {
            await platform.SendAsync(poll.ChannelId, PollMessages.Result(poll, PollResult.From(votes)).WithPage(links?.Poll(poll.Id)), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPostFailed(ex, poll.Id);
        }

        return true;
    }

    private async Task RemindAsync(Poll poll, CancellationToken cancellationToken)
    {
        var id = PollMessages.Id(poll);
        var text = $"Poll #{id} (\"{poll.Question}\") passed its resolve-by day, {Analysis.Developments.PollQuestion.Date(poll.ResolveBy)}. "
            + $"Settle it with /poll resolve id:{id} outcome:yes|no|ambiguous.";
        if (Platform(poll.Platform) is not { } platform)
        {
            return;
        }

        try
        {
            await platform.SendPrivateAsync(poll.ChannelId, poll.CreatorId, ChatReply.Private(text), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No private route to the creator: a note in the channel that names nobody.
            LogPostFailed(ex, poll.Id);
            await platform.SendAsync(poll.ChannelId, ChatReply.Message(text + " (Reminder for the poll's creator.)"), cancellationToken);
        }
    }

    private ChatReply ClosedAnswer(Poll poll) =>
        ChatReply.Private($"This poll closed at {clock.Format(poll.ClosedAt ?? poll.ClosesAt)}; votes are no longer taken.");

    private static bool MayManage(CommandContext context, Poll poll) =>
        context.IsAdmin || (context.Platform == poll.Platform && context.UserId == poll.CreatorId);

    private IChatPlatform? Platform(string name) => platformList.FirstOrDefault(p => p.Name == name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} posted on {Platform}")]
    private partial void LogPosted(long pollId, string platform);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} closed with {Votes} vote(s)")]
    private partial void LogClosed(long pollId, int votes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Poll {PollId} resolved as {Outcome}")]
    private partial void LogResolved(long pollId, PollOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not post to the channel of poll {PollId}")]
    private partial void LogPostFailed(Exception exception, long pollId);
}
