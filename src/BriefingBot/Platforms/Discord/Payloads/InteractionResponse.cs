namespace BriefingBot.Platforms.Discord.Payloads;

public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    AutocompleteResult = 8,
}

/// <summary>The first answer to an interaction: the HTTP response body, or the body of the callback endpoint.</summary>
public sealed record InteractionResponse(InteractionCallbackType Type, InteractionCallbackData? Data = null)
{
    public static InteractionResponse Pong { get; } = new(InteractionCallbackType.Pong);
}

/// <summary>Message fields plus autocomplete <see cref="Choices"/>; unused members stay null and are not written.</summary>
public sealed record InteractionCallbackData(
    string? Content = null,
    IReadOnlyList<Embed>? Embeds = null,
    AllowedMentions? AllowedMentions = null,
    int? Flags = null,
    IReadOnlyList<ActionRow>? Components = null,
    IReadOnlyList<CommandChoice>? Choices = null)
{
    public static InteractionCallbackData From(MessagePayload message) =>
        new(message.Content, message.Embeds, message.AllowedMentions, message.Flags, message.Components);
}

public sealed record CommandChoice(string Name, string Value);
