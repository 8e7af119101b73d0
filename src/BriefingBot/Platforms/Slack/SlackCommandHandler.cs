using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// A slash command from either transport: parsed as the typed line (<c>/article search North Korea</c>),
/// dispatched, and answered inline when it finishes within Slack:InlineReplyBudget; otherwise acknowledged
/// empty and answered later through response_url.
/// </summary>
public sealed partial class SlackCommandHandler(
    TextCommandParser parser,
    CommandDispatcher dispatcher,
    SlackReplySender sender,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ShutdownDrain drain,
    ILogger<SlackCommandHandler> logger)
{
    /// <summary>The inline answer (the acknowledgement's body), or null when the answer follows through response_url.</summary>
    public async Task<JsonPayload<SlashCommandResponse>?> HandleAsync(SlashCommandPayload command, bool canAnswerInline, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var context = SlackContext.For(command.ChannelId!, command.UserId!, command.UserName, command.TeamId, options.Value);
        var target = SlackResponseTarget.From(command.ResponseUrl, receivedAt, context.ChannelId, context.UserId);
        var work = RunAsync($"{command.Command} {command.Text}", context, drain.Aborted);

        if (canAnswerInline)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(options.Value.InlineReplyBudget, time, budget.Token);
            if (await Task.WhenAny(work, timer) == work)
            {
                await budget.CancelAsync();
                var reply = await work;
                var inline = SharedRendering.Get(reply, Inline);
                if (inline.FollowUps || reply.Image is { Url: null })
                {
                    _ = DeliverAsync(Task.FromResult(reply), target, skip: 1);
                }

                return inline.Response;
            }

            LogDeferred(command.Command ?? "?");
        }

        _ = DeliverAsync(work, target, skip: 0);
        return null;
    }

    private static InlineAnswer Inline(ChatReply reply)
    {
        var messages = SlackRenderer.Render(reply);
        return new InlineAnswer(new JsonPayload<SlashCommandResponse>(SlackReplySender.ToResponse(messages[0], reply.Ephemeral), SlackJsonContext.Default.SlashCommandResponse), messages.Count > 1);
    }

    private async Task<ChatReply> RunAsync(string line, CommandContext context, CancellationToken cancellationToken)
    {
        // Yield first so a synchronous command cannot hold up the acknowledgement.
        await Task.Yield();
        var parsed = parser.Parse(line, context);
        return parsed.Request is null
            ? ChatReply.Error(parsed.Error!)
            : await dispatcher.DispatchAsync(parsed.Request, cancellationToken);
    }

    private async Task DeliverAsync(Task<ChatReply> work, SlackResponseTarget target, int skip)
    {
        using var lease = drain.Begin();
        try
        {
            var reply = await work;
            var messages = SlackRenderer.Render(reply);
            await sender.DeliverAsync(target, [.. messages.Skip(skip)], reply, drain.Aborted);
        }
        catch (OperationCanceledException) when (drain.Aborted.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(ex, target.ChannelId);
        }
    }

    /// <summary>The first message as the acknowledgement's body, and whether more messages follow it.</summary>
    private sealed record InlineAnswer(JsonPayload<SlashCommandResponse> Response, bool FollowUps);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slash command {Command} is slow; acknowledged, answer follows through response_url")]
    private partial void LogDeferred(string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver a slash command answer to channel {Channel}")]
    private partial void LogDeliveryFailed(Exception exception, string channel);
}
