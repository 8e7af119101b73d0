using BriefingBot.Chat;
using BriefingBot.Chat.Components;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Button presses (<c>block_actions</c>): the action_id's first segment picks the <see cref="IComponentHandler"/>;
/// the answer goes to the interaction's response_url. Call after acknowledging.
/// </summary>
public sealed partial class SlackInteractionHandler(
    IEnumerable<IComponentHandler> handlers,
    SlackReplySender sender,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInteractionHandler> logger)
{
    public const string InactiveButton = "This button is no longer active.";

    public async Task HandleAsync(InteractionPayload interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type != "block_actions")
        {
            LogIgnored(interaction.Type ?? "?");
            return;
        }

        var channel = interaction.Channel?.Id ?? interaction.Container?.ChannelId;
        var user = interaction.User?.Id;
        if (channel is null || user is null)
        {
            LogIgnored("block_actions without channel or user");
            return;
        }

        var context = SlackContext.For(channel, user, interaction.User?.Username ?? interaction.User?.Name, options.Value);
        var target = SlackResponseTarget.From(interaction.ResponseUrl, time.GetUtcNow(), channel, user);
        foreach (var action in interaction.Actions ?? [])
        {
            if (string.IsNullOrEmpty(action.ActionId))
            {
                continue;
            }

            var reply = await InvokeAsync(new ComponentInvocation(action.ActionId, action.Value, context), cancellationToken);
            try
            {
                await sender.DeliverAsync(target, SlackRenderer.Render(reply), reply, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(ex, action.ActionId);
            }
        }
    }

    private async Task<ChatReply> InvokeAsync(ComponentInvocation invocation, CancellationToken cancellationToken)
    {
        var prefix = ComponentInvocation.PrefixOf(invocation.CustomId);
        var handler = handlers.FirstOrDefault(h => string.Equals(h.Prefix, prefix, StringComparison.Ordinal));
        if (handler is null)
        {
            return ChatReply.Private(InactiveButton);
        }

        try
        {
            return await handler.HandleAsync(invocation, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var errorId = Guid.NewGuid().ToString("N")[..8];
            LogHandlerFailed(ex, prefix, errorId);
            return ChatReply.Error($"Sorry, that button failed. Error id: {errorId} (the operator can find it in the log).");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored Slack interaction: {What}")]
    private partial void LogIgnored(string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "Component handler {Prefix} failed; error id {ErrorId}")]
    private partial void LogHandlerFailed(Exception exception, string prefix, string errorId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the answer to button {ActionId}")]
    private partial void LogDeliveryFailed(Exception exception, string actionId);
}
