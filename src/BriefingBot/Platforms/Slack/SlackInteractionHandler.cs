using BriefingBot.Chat;
using BriefingBot.Chat.Components;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Slack;

/// <summary>
/// Button presses (<c>block_actions</c>): the action_id goes through the <see cref="ComponentRouter"/>;
/// the answer goes to the interaction's response_url. Call after acknowledging.
/// </summary>
public sealed partial class SlackInteractionHandler(
    ComponentRouter components,
    SlackReplySender sender,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackInteractionHandler> logger)
{
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

        var context = SlackContext.For(channel, user, interaction.User?.Username ?? interaction.User?.Name, interaction.Team?.Id ?? interaction.User?.TeamId, options.Value);
        var target = SlackResponseTarget.From(interaction.ResponseUrl, time.GetUtcNow(), channel, user);
        var message = interaction.Container?.MessageTs is { } ts ? new MessageRef("slack", channel, ts) : null;
        foreach (var action in interaction.Actions ?? [])
        {
            if (string.IsNullOrEmpty(action.ActionId) || action.ActionId.StartsWith(ReplyButton.LinkPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var values = action.Value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["value"] = action.Value };
            var reply = await components.RouteAsync(new ComponentRequest(action.ActionId, values, context, message), cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored Slack interaction: {What}")]
    private partial void LogIgnored(string what);


    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the answer to button {ActionId}")]
    private partial void LogDeliveryFailed(Exception exception, string actionId);
}
