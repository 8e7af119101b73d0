using System.Text.Json;

namespace BriefingBot.Platforms.Discord.Payloads;

public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>An incoming interaction (HTTP body or gateway INTERACTION_CREATE); only the fields we use.</summary>
public sealed record Interaction(
    string Id,
    string? ApplicationId,
    InteractionType Type,
    string Token,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    PartialChannel? Channel = null,
    GuildMember? Member = null,
    DiscordUser? User = null,
    DiscordMessage? Message = null);

public sealed record InteractionData(
    string? Id = null,
    string? Name = null,
    IReadOnlyList<InteractionOption>? Options = null,
    string? CustomId = null,
    int? ComponentType = null,
    IReadOnlyList<string>? Values = null,
    IReadOnlyList<ModalComponent>? Components = null);

/// <summary>A command option; <see cref="Value"/> is a string, number or boolean.</summary>
public sealed record InteractionOption(
    string Name,
    int Type,
    JsonElement? Value = null,
    IReadOnlyList<InteractionOption>? Options = null,
    bool? Focused = null);

/// <summary>A modal row, text input, or (newer layout) a label wrapping one component.</summary>
public sealed record ModalComponent(
    int Type,
    string? CustomId = null,
    string? Value = null,
    IReadOnlyList<ModalComponent>? Components = null,
    ModalComponent? Component = null,
    IReadOnlyList<string>? Values = null);

public sealed record PartialChannel(string Id);

public sealed record GuildMember(DiscordUser? User = null, string? Permissions = null, string? Nick = null);

public sealed record DiscordUser(string Id, string? Username = null, string? GlobalName = null);
