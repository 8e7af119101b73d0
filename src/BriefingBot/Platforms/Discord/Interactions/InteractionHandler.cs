using BriefingBot.Chat.Components;
using BriefingBot.Chat;
using BriefingBot.Chat.Commands;
using BriefingBot.Hosting;
using BriefingBot.Platforms.Discord.Payloads;
using BriefingBot.Platforms.Discord.Rendering;
using BriefingBot.Platforms.Discord.Rest;
using Microsoft.Extensions.Options;

namespace BriefingBot.Platforms.Discord.Interactions;

/// <summary>The first response to an interaction, and the REST work that must follow it once Discord has it.</summary>
/// <remarks><paramref name="Serialized"/>, when set, is <paramref name="Response"/> already serialised (a shared reply's rendering).</remarks>
public sealed record InteractionOutcome(InteractionResponse Response, Func<CancellationToken, Task>? After = null, JsonPayload<InteractionResponse>? Serialized = null);

/// <summary>
/// Answers every interaction the same way whether it came over HTTP or the gateway: commands and components go
/// through the dispatcher or the component router; a handler not done within <see cref="DiscordLimits.DeferAfter"/>
/// gets a deferred response and its reply later replaces the "thinking" message through the interaction webhook.
/// </summary>
public sealed partial class InteractionHandler(
    CommandDispatcher dispatcher,
    ComponentRouter components,
    DiscordRestClient rest,
    RecentInteractions recent,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ShutdownDrain drain,
    ILogger<InteractionHandler> logger)
{
    public async Task<InteractionOutcome> HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        switch (interaction.Type)
        {
            case InteractionType.Ping:
                return new InteractionOutcome(InteractionResponse.Pong);
            case InteractionType.Autocomplete:
                return new InteractionOutcome(await AutocompleteAsync(interaction, cancellationToken));
            case InteractionType.ApplicationCommand:
                recent.Remember(interaction);
                var request = InteractionReader.Command(interaction);
                LogCommand(request.Name, interaction.Id);
                return await ReplyAsync(interaction, dispatcher.DispatchAsync(request, drain.Aborted).AsTask(), cancellationToken);
            case InteractionType.MessageComponent or InteractionType.ModalSubmit:
                recent.Remember(interaction);
                var component = InteractionReader.Component(interaction);
                return await ReplyAsync(interaction, RouteComponentAsync(component, interaction.Id), cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(interaction), interaction.Type, "Unknown interaction type.");
        }
    }

    /// <summary>Runs the work that follows a response without holding up the caller; failures are logged.</summary>
    public void RunAfter(InteractionOutcome outcome, string interactionId)
    {
        if (outcome.After is not { } after)
        {
            return;
        }

        var lease = drain.Begin();
        _ = Task.Run(async () =>
        {
            using var held = lease;
            try
            {
                await after(drain.Aborted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !drain.Aborted.IsCancellationRequested)
            {
                LogFollowUpFailed(ex, interactionId);
            }
        });
    }

    /// <summary>Like the dispatcher for commands: a failing button handler gives the user an error, not silence.</summary>
    private async Task<ChatReply> RouteComponentAsync(ComponentRequest request, string interactionId)
    {
        try
        {
            return await components.RouteAsync(request, drain.Aborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !drain.Aborted.IsCancellationRequested)
        {
            LogComponentFailed(ex, request.CustomId, interactionId);
            return ChatReply.Error("Sorry, that button failed. Please try again.");
        }
    }

    private async Task<InteractionResponse> AutocompleteAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var data = interaction.Data ?? new InteractionData();
        var focused = InteractionReader.Focused(data);
        IReadOnlyList<AutocompleteChoice> choices = [];
        if (focused is not null)
        {
            var (name, _) = InteractionReader.CommandPath(data);
            var partial = focused.Value is { } value ? InteractionReader.Text(value) : string.Empty;
            choices = await dispatcher.AutocompleteAsync(name, focused.Name, partial, InteractionReader.Context(interaction), cancellationToken);
        }

        var rendered = choices
            .Where(c => c.Value.Length is > 0 and <= DiscordLimits.ChoiceNameLength)
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(c => new CommandChoice(c.Label.Length > DiscordLimits.ChoiceNameLength ? c.Label[..(DiscordLimits.ChoiceNameLength - 1)] + "…" : c.Label, c.Value))
            .ToList();
        return new InteractionResponse(InteractionCallbackType.AutocompleteResult, new InteractionCallbackData(Choices: rendered));
    }

    private async Task<InteractionOutcome> ReplyAsync(Interaction interaction, Task<ChatReply> work, CancellationToken cancellationToken)
    {
        try
        {
            await work.WaitAsync(DiscordLimits.DeferAfter, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogDeferred(interaction.Id);
            return new InteractionOutcome(
                new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource),
                async ct => await DeliverLateAsync(interaction, await work, ct));
        }

        var rendered = SharedRendering.Get(await work, Render);
        var parts = rendered.Parts;
        var rest = rendered.Rest;
        if (rendered.Immediate is null)
        {
            // Files cannot ride in the JSON response body: defer, then put them on the original with a multipart edit.
            var flags = parts[0].Payload.Flags;
            return new InteractionOutcome(
                new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource, new InteractionCallbackData(Flags: flags)),
                async ct =>
                {
                    await EditOriginalAsync(interaction, parts[0], ct);
                    await FollowUpAsync(interaction, rest, ct);
                });
        }

        return new InteractionOutcome(rendered.Immediate.Value, rest.Count == 0 ? null : ct => FollowUpAsync(interaction, rest, ct), rendered.Immediate);
    }

    /// <summary>The messages of a reply; the first as the interaction response when it has no files to upload.</summary>
    private static Rendered Render(ChatReply reply)
    {
        var parts = DiscordRenderer.Render(reply);
        var immediate = parts[0].HasFiles
            ? null
            : new JsonPayload<InteractionResponse>(
                new InteractionResponse(InteractionCallbackType.ChannelMessageWithSource, InteractionCallbackData.From(parts[0].Payload)), DiscordJsonContext.Default.InteractionResponse);
        return new Rendered(parts, [.. parts.Skip(1)], immediate);
    }

    private async Task DeliverLateAsync(Interaction interaction, ChatReply reply, CancellationToken cancellationToken)
    {
        var parts = DiscordRenderer.Render(reply);
        if (reply.Ephemeral)
        {
            // A public "thinking" message cannot turn private: remove it and answer privately instead.
            await rest.DeleteOriginalAsync(ApplicationId(interaction), interaction.Token, cancellationToken);
            await FollowUpAsync(interaction, parts, cancellationToken);
            return;
        }

        await EditOriginalAsync(interaction, parts[0], cancellationToken);
        await FollowUpAsync(interaction, parts.Skip(1).ToList(), cancellationToken);
    }

    private Task EditOriginalAsync(Interaction interaction, OutgoingMessage message, CancellationToken cancellationToken) =>
        rest.EditOriginalAsync(ApplicationId(interaction), interaction.Token, message with { Payload = message.Payload with { Flags = null } }, cancellationToken);

    private async Task FollowUpAsync(Interaction interaction, IReadOnlyList<OutgoingMessage> parts, CancellationToken cancellationToken)
    {
        foreach (var part in parts)
        {
            await rest.FollowUpAsync(ApplicationId(interaction), interaction.Token, part, cancellationToken);
        }
    }

    private string ApplicationId(Interaction interaction) => interaction.ApplicationId ?? options.Value.ApplicationId!;

    private sealed record Rendered(IReadOnlyList<OutgoingMessage> Parts, IReadOnlyList<OutgoingMessage> Rest, JsonPayload<InteractionResponse>? Immediate);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord command /{Command} (interaction {InteractionId})")]
    private partial void LogCommand(string command, string interactionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} is taking long; deferred the response")]
    private partial void LogDeferred(string interactionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Component {CustomId} (interaction {InteractionId}) failed")]
    private partial void LogComponentFailed(Exception exception, string customId, string interactionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up for interaction {InteractionId} failed")]
    private partial void LogFollowUpFailed(Exception exception, string interactionId);
}
